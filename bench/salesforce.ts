/**
 * `salesforce.` rows: Sidecar's push and pull against the Salesforce emulator, run in Node through
 * the same sync code the service worker runs (lib/sync), on a throwaway fake-indexeddb store. The
 * emulator runs in a process of its own (scripts/seed-org.ts), so its CPU is not billed to the sync.
 * See bench/README.md for what each row measures.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { COLLECTION_LIMIT, EXTERNAL_ID_FIELD, SALESFORCE_API_VERSION } from '../lib/crm/salesforce/config';
import { sobjectFor, toRemote, type RemoteRefs } from '../lib/crm/salesforce/mapping';
import type { SidecarDb } from '../lib/db/database';
import { tableFor } from '../lib/db/records';
import { DEFAULT_SYNC_SETTINGS } from '../lib/sync/context';
import { pushOutbox } from '../lib/sync/push';
import { syncOnce } from '../lib/sync/run-sync';
import { ORG_CLIENT_ID } from '../scripts/seed-org';
import { openThrowawayDb, seedStore } from '../scripts/seed-store';
import { countingClient, countOf, patternsOf, setLatency, startOrg, syncContext, type Org } from './salesforce-org';
import { FIRST_SYNC_IDS, firstSyncRows } from './salesforce-first-sync';
import { pullInWorker } from './salesforce-worker';
import { round } from './stats';
import type { BenchArea, BenchContext, BenchRow } from './types';

/** 10,000 contacts (five per account: 2,000 accounts) and one activity each. */
const PUSH_CONTACTS = 10_000;
/** The one-request-per-record baseline: about 1,000 records in the same mix (91 accounts, 455 contacts, 455 activities). */
const BASELINE_CONTACTS = 455;
const LATENCY_MS = 50;
const PULL = { accounts: 10_000, contacts: 30_000, activities: 10_000 };
const REQUEST_TARGET = 1.05;
const TIME_TARGET = 0.1;

const PUSH_TYPES = ['account', 'contact', 'activity'] as const;
const REQUEST_IDS = ['salesforce.push.requests', ...PUSH_TYPES.map((t) => `salesforce.push.requests.${t}`)];
const PUSH_IDS = [...REQUEST_IDS, 'salesforce.push.time'];
const PULL_IDS = ['salesforce.pull.time', 'salesforce.pull.node-heap'];
const WORKER_IDS = ['salesforce.pull.worker-heap', 'salesforce.pull.worker-time'];

async function seeded(contacts: number, log: BenchContext['log']): Promise<{ db: SidecarDb; counts: Record<(typeof PUSH_TYPES)[number], number> }> {
  const started = performance.now();
  const db = openThrowawayDb(`sidecar-bench-${contacts}`);
  await seedStore(db, contacts);
  const counts = { account: await db.accounts.count(), contact: await db.contacts.count(), activity: await db.activities.count() };
  log(`salesforce: seeded ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { db, counts };
}

/** A reference in a baseline payload, resolved in the worker to the Salesforce Id its upsert returned. */
const REF = '@@ref:';

interface BaselineStep {
  key: string;
  path: string;
  body: Record<string, unknown>;
}

/** The baseline's requests in order, parents first: one plain upsert per record, `PATCH /sobjects/{Type}/Sidecar_Id__c/{id}`. */
async function baselinePlan(log: BenchContext['log']): Promise<BaselineStep[]> {
  const { db } = await seeded(BASELINE_CONTACTS, log);
  try {
    const refs: RemoteRefs = { remoteIdOf: (type, id) => (id === null ? null : `${REF}${type}:${id}`), isLead: () => false };
    const steps: BaselineStep[] = [];
    for (const type of PUSH_TYPES) {
      for (const record of await tableFor(db, type).toArray()) {
        const sobject = sobjectFor(type, record as { kind?: string });
        steps.push({
          key: `${REF}${type}:${record.id}`, path: `/services/data/${SALESFORCE_API_VERSION}/sobjects/${sobject}/${EXTERNAL_ID_FIELD}/${record.id}`,
          body: toRemote(type, record, refs, DEFAULT_SYNC_SETTINGS),
        });
      }
    }
    return steps;
  } finally {
    db.close();
  }
}

/** Plain JS for a worker thread of its own: one request at a time, each waiting for the last. */
const BASELINE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, steps, ref } = workerData;
(async () => {
  const remote = new Map();
  const started = performance.now();
  for (const step of steps) {
    const body = {};
    for (const [field, value] of Object.entries(step.body)) body[field] = typeof value === 'string' && value.startsWith(ref) ? remote.get(value) ?? null : value;
    const response = await fetch(url + step.path, { method: 'PATCH', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok || !answer.id) throw new Error('a baseline upsert answered ' + response.status);
    remote.set(step.key, answer.id);
  }
  parentPort.postMessage({ ms: performance.now() - started });
})().catch((error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * The one-request-per-record baseline, on ~1,000 records against an org of its own, in a worker
 * thread: it runs while the pull rows run (its time is 50 ms waits), and its own event loop keeps
 * the pull's work out of its round trips.
 */
async function onePerRecord(log: BenchContext['log']): Promise<{ ms: number; records: number }> {
  const steps = await baselinePlan(log);
  const org = await startOrg();
  try {
    await setLatency(org, LATENCY_MS);
    const answer = await new Promise<{ ms?: number; error?: string }>((done, fail) => {
      const worker = new Worker(BASELINE_WORKER, { eval: true, workerData: { url: org.url, token: org.accessToken, steps, ref: REF } });
      worker.once('message', (message: { ms?: number; error?: string }) => {
        done(message);
        void worker.terminate();
      });
      worker.once('error', fail);
    });
    if (answer.ms === undefined) throw new Error(answer.error ?? 'the baseline worker stopped');
    log(`salesforce: baseline ${steps.length} single-record upserts in ${(answer.ms / 1000).toFixed(1)} s (${(answer.ms / steps.length).toFixed(1)} ms each, ${LATENCY_MS} ms latency)`);
    return { ms: answer.ms, records: steps.length };
  } finally {
    await org.stop();
  }
}

interface PushRun {
  rows: BenchRow[];
  ms: number;
  records: number;
  complete: boolean;
}

async function push(ctx: BenchContext): Promise<PushRun> {
  const org = await startOrg();
  const { db, counts } = await seeded(PUSH_CONTACTS, ctx.log);
  try {
    const requests = { perType: new Map<string, number>(), total: 0 };
    await setLatency(org, LATENCY_MS);
    const started = performance.now();
    const summary = await pushOutbox(syncContext(db, countingClient(org, requests), 'bench'));
    const ms = performance.now() - started;
    await setLatency(org, 0);
    const inOrg = { account: await countOf(org, 'Account'), contact: await countOf(org, 'Contact'), activity: await countOf(org, 'Task') };
    const complete = summary.parked === 0 && summary.waiting === 0 && (await db.outbox.count()) === 0
      && PUSH_TYPES.every((t) => inOrg[t] === counts[t]);
    const patterns = await patternsOf(org);
    // A shared Composite call counts 1/k to each sub-request's record type (bench/salesforce-org.ts).
    const perType = new Map([...requests.perType].map(([type, n]) => [type, round(n, 2)]));
    ctx.log(`salesforce: push ${JSON.stringify(summary)} in ${(ms / 1000).toFixed(1)} s; in the org ${JSON.stringify(inOrg)}`);
    ctx.log(`salesforce: push requests by record type ${JSON.stringify(Object.fromEntries(perType))}, by endpoint ${JSON.stringify(patterns)}`);
    if (!complete) ctx.log('salesforce: the push left records behind (parked, waiting, still in the outbox or missing in the org): rows FAIL');

    const ideal = (type: (typeof PUSH_TYPES)[number]) => Math.ceil(counts[type] / COLLECTION_LIMIT);
    const requestRow = (id: string, used: number, best: number): BenchRow => ({
      id, value: used, unit: 'requests', baseline: best, ratio: round(used / best),
      target: `≤ ${REQUEST_TARGET}× ceil(n/200)`, pass: complete && used <= REQUEST_TARGET * best,
    });
    const { total } = requests;
    const rows = [
      requestRow('salesforce.push.requests', total, PUSH_TYPES.reduce((sum, t) => sum + ideal(t), 0)),
      ...PUSH_TYPES.map((type) => requestRow(`salesforce.push.requests.${type}`, perType.get(type) ?? 0, ideal(type))),
    ];
    return { rows, ms, records: counts.account + counts.contact + counts.activity, complete };
  } finally {
    db.close();
    await org.stop();
  }
}

function timeRow(ctx: BenchContext, run: PushRun, baseline: { ms: number; records: number }): BenchRow {
  const scaled = (baseline.ms / baseline.records) * run.records;
  ctx.log(`salesforce: one request per record, scaled to ${run.records} records: ${(scaled / 1000).toFixed(0)} s and ${run.records} requests`);
  const ratio = run.ms / scaled;
  return {
    id: 'salesforce.push.time', value: round(run.ms / 1000, 2), unit: 's', baseline: round(scaled / 1000, 1), ratio: round(ratio, 4),
    target: `≤ ${TIME_TARGET}× one request per record`, pass: run.complete && ratio <= TIME_TARGET,
  };
}

/** `gc()` for a fair heap baseline: tsx starts Node without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function pullRows(ctx: BenchContext, org: Org): Promise<BenchRow[]> {
  const db = openThrowawayDb('sidecar-bench-pull');
  try {
    const sfClient = countingClient(org);
    const userId = (await sfClient.userInfo()).user_id;
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);
    const started = performance.now();
    const summary = await syncOnce(syncContext(db, sfClient, userId)).finally(() => clearInterval(sampler));
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const stored = (await db.accounts.count()) + (await db.contacts.count()) + (await db.activities.count()) + (await db.tasks.count());
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    const expected = PULL.accounts + PULL.contacts + PULL.activities;
    ctx.log(`salesforce: pull ${JSON.stringify(summary.pull)} in ${(ms / 1000).toFixed(1)} s, ${stored} records stored`);
    ctx.log(`salesforce: Node heap during the pull: peak +${((peak - before) / 1e6).toFixed(0)} MB over ${(before / 1e6).toFixed(0)} MB; +${(retained / 1e6).toFixed(0)} MB after gc (the fake-indexeddb store lives in this heap)`);
    const complete = stored === expected;
    if (!complete) ctx.log(`salesforce: the pull stored ${stored} of ${expected} records: rows FAIL`);
    const report = { baseline: null, ratio: null, target: 'report' };
    return [
      { id: 'salesforce.pull.time', value: round(ms / 1000, 1), unit: 's', ...report, pass: complete },
      { id: 'salesforce.pull.node-heap', value: round((peak - before) / 1e6, 0), unit: 'MB', ...report, pass: complete },
    ];
  } finally {
    db.close();
  }
}

/** The same pull in the test build's service worker, connected through the real connect flow. */
async function workerRows(ctx: BenchContext, org: Org): Promise<BenchRow[]> {
  await ctx.freshBrowser();
  const pageUrl = (page: string) => new URL(page, ctx.worker.url()).href;
  const run = await pullInWorker({ context: ctx.context!, pageUrl }, org.url, ORG_CLIENT_ID);
  const expected = PULL.accounts + PULL.contacts + PULL.activities;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  ctx.log(`salesforce: worker pull ${JSON.stringify(run.outcome)}, ${run.stored} records stored, ${(run.ms / 1000).toFixed(1)} s from Connect to "Sync now" answered`);
  ctx.log(`salesforce: worker JS heap (CDP Runtime.getHeapUsage, sampled every 100 ms): ${mb(run.beforeBytes)} MB before, peak ${mb(run.peakBytes)} MB, ${mb(run.afterBytes)} MB after gc`);
  const complete = run.stored === expected && (run.outcome as { data?: { outcome?: string } } | null)?.data?.outcome === 'synced';
  if (!complete) ctx.log(`salesforce: the worker stored ${run.stored} of ${expected} records: rows FAIL`);
  const report = { baseline: null, ratio: null, target: 'report', pass: complete };
  return [
    { id: 'salesforce.pull.worker-heap', value: round((run.peakBytes - run.beforeBytes) / 1e6, 1), unit: 'MB', ...report },
    { id: 'salesforce.pull.worker-time', value: round(run.ms / 1000, 1), unit: 's', ...report },
  ];
}

export const salesforceArea: BenchArea = {
  prefix: 'salesforce',
  ids: [...PUSH_IDS, ...FIRST_SYNC_IDS, ...PULL_IDS, ...WORKER_IDS],
  async run(ctx) {
    const wanted = (ids: readonly string[]) => ids.some((id) => ctx.want(id));
    const rows: BenchRow[] = [];
    const run = wanted(PUSH_IDS) ? await push(ctx) : null;
    if (run) rows.push(...run.rows);
    if (wanted(FIRST_SYNC_IDS)) rows.push(...(await firstSyncRows(ctx)));
    // The baseline waits on latency nearly all the time: it runs in a worker thread beside the Node pull.
    const baseline = run && ctx.want('salesforce.push.time') ? onePerRecord(ctx.log) : null;
    void baseline?.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let org: Org | null = null;
    try {
      if (wanted([...PULL_IDS, ...WORKER_IDS])) {
        const started = performance.now();
        org = await startOrg(PULL);
        ctx.log(`salesforce: started an org with ${JSON.stringify(PULL)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      if (org && wanted(PULL_IDS)) rows.push(...(await pullRows(ctx, org)));
      // Before Chromium's pull, which would share the machine with the baseline.
      if (run && baseline) rows.push(timeRow(ctx, run, await baseline));
      if (org && wanted(WORKER_IDS)) rows.push(...(await workerRows(ctx, org)));
    } finally {
      await org?.stop();
    }
    const order: readonly string[] = this.ids;
    return rows.filter((r) => ctx.want(r.id)).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  },
};
