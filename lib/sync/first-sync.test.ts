import { afterEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { seedStore } from '../../scripts/seed-store';
import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import type { SidecarDb } from '../db/database';
import { freshDb } from '../db/test-db';
import type { SyncContext } from './context';
import { syncOnce } from './run-sync';
import { emulatorContext } from './test-support';

/**
 * A territory's first sync, at the size the issue names: 12,000 people (five per account: 2,400
 * accounts) and an activity each, into an org where colleagues already own 300 of the people and 100
 * of the accounts (scope "mine" does not pull them: matching must find them). Over real HTTP against
 * the emulator, which refuses what a real org refuses.
 */
let sf: SalesforceEmulator;
let db: SidecarDb;
afterEach(async () => {
  await sf?.close();
  db?.close();
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const PEOPLE = 12_000;

const context = (): SyncContext => emulatorContext(sf, db);

const composites = () => sf.requests.filter((r) => r.pattern.endsWith('/composite')).length;

describe('the first sync of a whole territory', () => {
  it('matches 12,000 people and 2,400 accounts within Composite\'s limits, links what the org has, and a second run creates nothing', { timeout: 300_000 }, async () => {
    sf = await startSalesforceEmulator({ dailyLimit: 1_000_000 });
    for (let i = 0; i < 300; i += 1) {
      const n = i * 40 + 1; // person n works at account ceil(n / 5)
      sf.insert('Contact', { LastName: `Colleague ${i}`, Email: `person-${pad(n, 6)}@account-${pad(Math.floor((n - 1) / 5) + 1, 5)}.example` });
    }
    for (let i = 0; i < 100; i += 1) sf.insert('Account', { Name: `Colleague account ${i}`, Website: `https://www.account-${pad(i * 24 + 1, 5)}.example/` });
    db = freshDb();
    await seedStore(db, PEOPLE);

    const ctx = context();
    const first = await syncOnce(ctx);
    expect(first.push).toMatchObject({ linked: 400, parked: 0, waiting: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncIssues.count()).toBe(0);
    expect(sf.records('Account')).toHaveLength(2_400);
    const people = sf.records('Contact');
    expect(people).toHaveLength(PEOPLE);
    expect(new Set(people.map((p) => p[EXTERNAL_ID_FIELD])).size).toBe(PEOPLE);
    expect(sf.records('Task')).toHaveLength(PEOPLE);
    // Look-ups and describes for every type shared Composite calls of at most 5 queries (the org
    // refuses more): 12,000 emails in Contact and Lead, 2,400 domains and names, and 12,000 Task
    // External IDs fit in 4 calls; the pull's describes take 1 and its first pages of five objects 1.
    expect(composites()).toBeLessThanOrEqual(6);

    const before = { requests: sf.requests.length, accounts: sf.records('Account').length };
    const second = await syncOnce(ctx);
    expect(second.push.pushed).toEqual({});
    expect(sf.records('Account')).toHaveLength(before.accounts);
    expect(sf.records('Contact')).toHaveLength(PEOPLE);
    expect(sf.records('Task')).toHaveLength(PEOPLE);
  });
});
