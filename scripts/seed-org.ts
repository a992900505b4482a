/**
 * A Salesforce emulator org for the `salesforce.` bench rows, seeded straight into its memory:
 * obviously fake accounts on `.example` domains, their contacts, and recent activities (Tasks).
 *
 * `tsx scripts/seed-org.ts [--accounts N] [--contacts N] [--activities N]` starts one in its own
 * process (so its CPU is not billed to the sync being measured), seeds it, prints one JSON line
 * `{"url":…,"accessToken":…}` and serves until stdin closes or it is sent SIGTERM.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulator/salesforce';

/** The connected app's consumer key the org accepts (the extension's connect form asks for it). */
export const ORG_CLIENT_ID = 'sidecar-dev';

export interface OrgSeed {
  accounts: number;
  contacts: number;
  activities: number;
}

/** Contacts round-robin over the accounts; activities (dated within the last 60 days) over both. */
export function seedOrg(sf: SalesforceEmulator, seed: OrgSeed, now = Date.now()): void {
  const day = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const accounts: string[] = [];
  for (let i = 0; i < seed.accounts; i += 1) {
    accounts.push(String(sf.insert('Account', { Name: `Example Account ${i + 1}`, Website: `https://org-account-${i + 1}.example`, Type: 'Prospect' }).Id));
  }
  const contacts: string[] = [];
  for (let i = 0; i < seed.contacts; i += 1) {
    const account = i % Math.max(1, seed.accounts);
    contacts.push(String(sf.insert('Contact', {
      FirstName: 'Test', LastName: `Person ${i + 1}`, Title: 'Example Title',
      Email: `person-${i + 1}@org-account-${account + 1}.example`, AccountId: accounts[account] ?? null,
    }).Id));
  }
  for (let i = 0; i < seed.activities; i += 1) {
    sf.insert('Task', {
      Subject: `Example activity ${i + 1}`, TaskSubtype: i % 2 ? 'Email' : 'Call', Status: 'Completed', ActivityDate: day(i % 60),
      WhoId: contacts[i % Math.max(1, seed.contacts)] ?? null, WhatId: accounts[i % Math.max(1, seed.accounts)] ?? null,
    });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { accounts: { type: 'string', default: '0' }, contacts: { type: 'string', default: '0' }, activities: { type: 'string', default: '0' } },
  });
  const seed = { accounts: Number(values.accounts), contacts: Number(values.contacts), activities: Number(values.activities) };
  if (!Object.values(seed).every((n) => Number.isInteger(n) && n >= 0)) throw new Error('--accounts, --contacts and --activities take whole numbers');
  const sf = await startSalesforceEmulator({ dailyLimit: 10_000_000, clientId: ORG_CLIENT_ID });
  seedOrg(sf, seed);
  process.stdout.write(`${JSON.stringify({ url: sf.url, accessToken: sf.issueToken().accessToken })}\n`);
  const stop = () => void sf.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed-org: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
