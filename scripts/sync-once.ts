/**
 * `npm run --silent sync:once -- --instance-url <URL> --access-token <T> [--seed demo|<N>]`
 *
 * One push and one pull in Node, through the extension's own sync code (`syncOnce`), against a
 * throwaway local store seeded the same way every run (scripts/seed-store.ts). Without `--seed`
 * the store starts empty, so the run only pulls. Prints one JSON object:
 * `{"requests":{"<METHOD> <path pattern>":count},"pushed":{…},"pulled":{…},"errors":[…]}`.
 * Exit 0 when the run completed (parked records included), 1 when it stopped on an error (the JSON
 * says which), 2 with a one-line message on bad arguments or an instance that cannot be used.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SalesforceClient } from '../lib/crm/salesforce/client';
import { AuthError } from '../lib/crm/salesforce/errors';
import type { SidecarDb } from '../lib/db/database';
import type { SyncIssue } from '../lib/model';
import { DEFAULT_SYNC_SETTINGS, type SyncContext } from '../lib/sync/context';
import { DescribeCache } from '../lib/sync/describes';
import type { PullSummary } from '../lib/sync/pull';
import type { PushSummary } from '../lib/sync/push';
import { syncOnce } from '../lib/sync/run-sync';
import { openThrowawayDb, seedStore, type Seed } from './seed-store';

/** What went wrong, typed and readable, with no personal text. */
export type ReportedError =
  | { type: 'parked'; recordType: SyncIssue['recordType']; recordId: string; kind: SyncIssue['kind']; errorCode: string | null; fields: string[]; message: string }
  | { type: 'thrown'; name: string; message: string };

export interface SyncOnceReport {
  requests: Record<string, number>;
  /** The push summary, plus how many records Salesforce said it created (the rest were updates). */
  pushed: (PushSummary & { created: Record<string, number> }) | null;
  pulled: PullSummary | null;
  errors: ReportedError[];
}

export interface SyncOnceOptions {
  instanceUrl: string;
  accessToken: string;
  seed: Seed | null;
}

/** Bad arguments, or an instance this token cannot use: one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const MAX_SEED = 100_000;

export function parseOptions(argv: readonly string[]): SyncOnceOptions {
  let values: { 'instance-url'?: string; 'access-token'?: string; seed?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv], strict: true, allowPositionals: false,
      options: { 'instance-url': { type: 'string' }, 'access-token': { type: 'string' }, seed: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const instanceUrl = values['instance-url'];
  const accessToken = values['access-token'];
  if (!instanceUrl) throw new UsageError('--instance-url <URL> is required');
  if (!accessToken) throw new UsageError('--access-token <token> is required');
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    throw new UsageError('--instance-url must be a URL such as https://acme.my.salesforce.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--instance-url must be an http(s) URL');
  let seed: Seed | null = null;
  if (values.seed !== undefined) {
    if (values.seed === 'demo') seed = 'demo';
    else if (/^\d+$/.test(values.seed) && Number(values.seed) >= 1 && Number(values.seed) <= MAX_SEED) seed = Number(values.seed);
    else throw new UsageError(`--seed must be "demo" or a number of contacts from 1 to ${MAX_SEED}`);
  }
  return { instanceUrl: url.origin, accessToken, seed };
}

/** Count what Salesforce says it created: upsert results with `created: true`, and 201s. */
function countingCreates(created: Record<string, number>): typeof fetch {
  const add = (type: string, n: number) => {
    if (n > 0) created[type] = (created[type] ?? 0) + n;
  };
  const count = async (url: string, init: RequestInit | undefined, response: Response) => {
    const method = init?.method ?? 'GET';
    const path = new URL(url).pathname;
    const upsert = /\/composite\/sobjects\/([^/]+)\/[^/]+$/.exec(path);
    const single = /\/sobjects\/([^/]+)(?:\/[^/]+\/[^/]+)?$/.exec(path);
    if (method === 'PATCH' && upsert) {
      const results = (await response.json()) as Array<{ created?: boolean; success?: boolean }>;
      add(upsert[1]!, results.filter((r) => r.success && r.created).length);
    } else if (method === 'POST' && /\/composite\/sobjects$/.test(path) && typeof init?.body === 'string') {
      const { records } = JSON.parse(init.body) as { records: Array<{ attributes: { type: string } }> };
      const results = (await response.json()) as Array<{ success?: boolean }>;
      records.forEach((r, i) => add(r.attributes.type, results[i]?.success ? 1 : 0));
    } else if (response.status === 201 && single && !path.includes('/composite/')) {
      add(single[1]!, 1);
    }
  };
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) {
      // Best effort, on a copy: the client itself judges the answer.
      await count(String(input), init, response.clone()).catch(() => undefined);
    }
    return response;
  };
}

async function parkedIssues(db: SidecarDb): Promise<ReportedError[]> {
  return (await db.syncIssues.toArray()).map((i) => ({
    type: 'parked', recordType: i.recordType, recordId: i.recordId, kind: i.kind, errorCode: i.errorCode, fields: i.fields, message: i.message,
  }));
}

/** Seed, connect, run one sync. Throws UsageError when the instance cannot be used at all. */
export async function runSyncOnce(options: SyncOnceOptions): Promise<{ report: SyncOnceReport; completed: boolean }> {
  const requests: Record<string, number> = {};
  const created: Record<string, number> = {};
  const client = new SalesforceClient({
    instanceUrl: options.instanceUrl,
    tokens: {
      accessToken: async () => options.accessToken,
      refresh: async () => {
        throw new AuthError('a bare access token cannot be refreshed: get a new one');
      },
    },
    budgetShare: DEFAULT_SYNC_SETTINGS.budgetShare,
    fetch: countingCreates(created),
    onRequest: (pattern) => {
      requests[pattern] = (requests[pattern] ?? 0) + 1;
    },
  });
  let userId: string;
  try {
    userId = (await client.userInfo()).user_id;
  } catch (error) {
    throw new UsageError(`cannot use ${options.instanceUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const db = openThrowawayDb();
  try {
    if (options.seed !== null) await seedStore(db, options.seed);
    const ctx: SyncContext = {
      db, client, settings: DEFAULT_SYNC_SETTINGS, userId, now: () => Date.now(), describes: new DescribeCache(db, client, () => Date.now()),
    };
    const report: SyncOnceReport = { requests, pushed: null, pulled: null, errors: [] };
    let completed = true;
    try {
      const summary = await syncOnce(ctx);
      report.pushed = { ...summary.push, created };
      report.pulled = summary.pull;
    } catch (error) {
      completed = false;
      report.errors.push({ type: 'thrown', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
    }
    report.errors.unshift(...(await parkedIssues(db)));
    return { report, completed };
  } finally {
    db.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { report, completed } = await runSyncOnce(parseOptions(argv));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return completed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sync:once: ${error.message.split('\n')[0]}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`sync:once: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = 1;
  });
}
