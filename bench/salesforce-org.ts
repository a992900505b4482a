/**
 * What the `salesforce.` bench rows share: an emulator org in a process of its own, a client that
 * counts each request against the record types it worked for, and a sync context on a throwaway store.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SalesforceClient } from '../lib/crm/salesforce/client';
import type { SidecarDb } from '../lib/db/database';
import type { SyncedRecordType } from '../lib/model';
import { DEFAULT_SYNC_SETTINGS, type SyncContext } from '../lib/sync/context';
import { DescribeCache } from '../lib/sync/describes';
import type { OrgSeed } from '../scripts/seed-org';

const LOCAL_TYPE: Record<string, SyncedRecordType> = { Account: 'account', Contact: 'contact', Lead: 'contact', Task: 'activity', Opportunity: 'opportunity' };

/** The sObject one (sub-)request works for: from its path (upserts, describes) or its SOQL's FROM. */
function sobjectOf(url: URL): string {
  const named = /\/sobjects\/([^/]+)\/(?:describe|Sidecar_Id__c)/.exec(url.pathname)?.[1];
  return named ?? /\bFROM\s+(\w+)/i.exec(url.searchParams.get('q') ?? '')?.[1] ?? 'other';
}

/**
 * The record types a request worked for, with each one's share of it. A Composite call is shared
 * between its sub-requests (one API call, several record types' look-ups and describes): each
 * sub-request's type gets 1/k of the call. Anything else belongs whole to the one type it names.
 */
export function requestShares(input: string, body: unknown): Map<string, number> {
  const url = new URL(input);
  const shares = new Map<string, number>();
  const add = (sobject: string, share: number) => {
    const type = LOCAL_TYPE[sobject] ?? sobject;
    shares.set(type, (shares.get(type) ?? 0) + share);
  };
  if (typeof body === 'string' && url.pathname.endsWith('/composite')) {
    const { compositeRequest } = JSON.parse(body) as { compositeRequest: Array<{ url: string }> };
    for (const sub of compositeRequest) add(sobjectOf(new URL(sub.url, url)), 1 / compositeRequest.length);
  } else if (typeof body === 'string' && url.pathname.endsWith('/composite/sobjects')) {
    add((JSON.parse(body) as { records: Array<{ attributes: { type: string } }> }).records[0]?.attributes.type ?? 'other', 1);
  } else add(sobjectOf(url), 1);
  return shares;
}

/** A client that counts requests per record type (`perType`) and in all (`total`). */
export function countingClient(org: Org, counts?: { perType: Map<string, number>; total: number }): SalesforceClient {
  return new SalesforceClient({
    instanceUrl: org.url,
    tokens: { accessToken: async () => org.accessToken, refresh: async () => org.accessToken },
    fetch: counts
      ? (input, init) => {
        counts.total += 1;
        for (const [type, share] of requestShares(String(input), init?.body)) counts.perType.set(type, (counts.perType.get(type) ?? 0) + share);
        return fetch(input, init);
      }
      : undefined,
  });
}

const TSX = resolve('node_modules/.bin/tsx');

/** An emulator org in its own process, driven through its `/__emulator` controls. */
export interface Org {
  url: string;
  accessToken: string;
  control<T>(path: string, init?: { method: string; body: unknown }): Promise<T>;
  stop(): Promise<void>;
}

export async function startOrg(seed: OrgSeed = { accounts: 0, contacts: 0, activities: 0 }): Promise<Org> {
  const child = spawn(TSX, ['scripts/seed-org.ts', ...Object.entries(seed).flatMap(([k, v]) => [`--${k}`, String(v)])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const first = await Promise.race([
    (async () => {
      for await (const line of createInterface({ input: child.stdout })) return line;
      return null;
    })(),
    exited.then(() => null),
  ]);
  if (!first) throw new Error('the Salesforce emulator did not start (scripts/seed-org.ts)');
  const { url, accessToken } = JSON.parse(first) as { url: string; accessToken: string };
  return {
    url, accessToken,
    async control<T>(path: string, init?: { method: string; body: unknown }) {
      const response = await fetch(`${url}/__emulator/${path}`, init && { method: init.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(init.body) });
      if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}`);
      return (await response.json()) as T;
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

export const setLatency = (org: Org, latencyMs: number) => org.control('faults', { method: 'POST', body: { latencyMs } });
export const countOf = async (org: Org, sobject: string) => (await org.control<unknown[]>(`records/${sobject}`)).length;

/** Every request the org logged, by path pattern. */
export async function patternsOf(org: Org): Promise<Record<string, number>> {
  const patterns: Record<string, number> = {};
  for (const r of await org.control<Array<{ pattern: string }>>('requests')) patterns[r.pattern] = (patterns[r.pattern] ?? 0) + 1;
  return patterns;
}

export function syncContext(db: SidecarDb, client: SalesforceClient, userId: string): SyncContext {
  return { db, client, settings: DEFAULT_SYNC_SETTINGS, userId, now: () => Date.now(), describes: new DescribeCache(db, client, () => Date.now()) };
}
