/**
 * `salesforce.first-sync.requests` and `salesforce.idle-sync.requests`: a territory's first sync into
 * an empty org (12,000 people, five per account, and an activity each), then the runs after it, in
 * Node through the same sync code the service worker runs, against the emulator in its own process.
 */
import { performance } from 'node:perf_hooks';
import { COLLECTION_LIMIT, COMPOSITE_QUERY_LIMIT, SOQL_MAX_LENGTH } from '../lib/crm/salesforce/config';
import { PULL_ORDER } from '../lib/sync/pull';
import { syncOnce } from '../lib/sync/run-sync';
import { soqlString } from '../lib/sync/soql';
import { openThrowawayDb, seedStore } from '../scripts/seed-store';
import { countingClient, countOf, patternsOf, startOrg, syncContext } from './salesforce-org';
import { round } from './stats';
import type { BenchContext, BenchRow } from './types';

const PEOPLE = 12_000;
const TARGET = 1.05;
export const FIRST_SYNC_IDS = ['salesforce.first-sync.requests', 'salesforce.first-sync.time', 'salesforce.idle-sync.requests'];

/** Statements needed for these literals if each held nothing but them, at SOQL's 100,000 characters. */
const statements = (literals: readonly string[], separator: string) =>
  Math.ceil(literals.reduce((n, l) => n + l.length + separator.length, 0) / SOQL_MAX_LENGTH);

export async function firstSyncRows(ctx: BenchContext): Promise<BenchRow[]> {
  const org = await startOrg();
  const db = openThrowawayDb('sidecar-bench-first-sync');
  try {
    await seedStore(db, PEOPLE);
    const [accounts, contacts, activities] = await Promise.all([db.accounts.toArray(), db.contacts.toArray(), db.activities.count()]);
    const counting = { perType: new Map<string, number>(), total: 0 };
    const client = countingClient(org, counting);
    const userId = (await client.userInfo()).user_id;
    counting.total = 0;
    const sync = () => syncOnce(syncContext(db, client, userId));

    const started = performance.now();
    const first = await sync();
    const ms = performance.now() - started;
    const used = counting.total;
    const inOrg = { Account: await countOf(org, 'Account'), Contact: await countOf(org, 'Contact'), Task: await countOf(org, 'Task') };
    const complete = inOrg.Account === accounts.length && inOrg.Contact === contacts.length && inOrg.Task === activities && (await db.outbox.count()) === 0;
    ctx.log(`salesforce: first sync of ${JSON.stringify(inOrg)} in ${(ms / 1000).toFixed(1)} s, ${used} requests: ${JSON.stringify(await patternsOf(org))}; ${JSON.stringify(first.push)}`);

    // The documented minimum: each look-up's values alone, packed at SOQL's limit, 5 queries to a
    // Composite call; one sObject Collections call per 200 records of each type; one call for the pull.
    const emails = contacts.flatMap((c) => c.emails).map(soqlString);
    const queries = 2 * statements(emails, ', ') // Contact and Lead, by email
      + statements(accounts.flatMap((a) => a.domains).map((d) => `Website LIKE ${soqlString(`%${d}%`)}`), ' OR ')
      + statements(accounts.map((a) => soqlString(a.name)), ', ');
    const minimum = Math.ceil(queries / COMPOSITE_QUERY_LIMIT)
      + [accounts.length, contacts.length, activities].reduce((n, count) => n + Math.ceil(count / COLLECTION_LIMIT), 0) + 1;

    // The run after reads back what the first pushed (their SystemModstamp moved); the one after that has nothing new.
    const echoFrom = counting.total;
    const echo = await sync();
    ctx.log(`salesforce: the next run read back the first sync's own writes: ${counting.total - echoFrom} requests, ${JSON.stringify(echo.pull.pulled)}`);
    const idleFrom = counting.total;
    const idle = await sync();
    const idleUsed = counting.total - idleFrom;
    ctx.log(`salesforce: a run with nothing new: ${idleUsed} requests; ${JSON.stringify(idle)}`);
    const idleOk = Object.keys(idle.push.pushed).length === 0 && Object.keys(idle.pull.pulled).length === 0;
    return [
      { id: 'salesforce.first-sync.requests', value: used, unit: 'requests', baseline: minimum, ratio: round(used / minimum), target: `≤ ${TARGET}× documented minimum`, pass: complete && used <= TARGET * minimum },
      { id: 'salesforce.first-sync.time', value: round(ms / 1000, 1), unit: 's', baseline: null, ratio: null, target: 'report', pass: complete },
      { id: 'salesforce.idle-sync.requests', value: idleUsed, unit: 'requests', baseline: PULL_ORDER.length, ratio: round(idleUsed / PULL_ORDER.length), target: '≤ 1 per pulled object type', pass: idleOk && idleUsed <= PULL_ORDER.length },
    ];
  } finally {
    db.close();
    await org.stop();
  }
}
