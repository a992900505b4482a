import { Dexie } from 'dexie';
import { deriveAccountFields, findAccountsByDomain, upsertAccounts } from '../../lib/db/accounts';
import { findContactByEmail, normalizeContactFields, upsertContacts } from '../../lib/db/contacts';
import { SidecarDb } from '../../lib/db/database';
import { buildRecord } from '../../lib/db/records';
import type { Account, Contact } from '../../lib/model';
import { accountDomain, generateStoreDataset, sampleIndexes, type StoreDataset } from './dataset';
import { deleteRawDb, indexGet, openRawDb, putBatch } from './raw-idb';

/** Store benchmarks, run inside the service worker. Never touches the user's `sidecar` database. */
export const BENCH_DB = 'sidecar-bench';
export const BENCH_RAW_DB = 'sidecar-bench-raw';

export interface IngestOptions {
  accounts: number;
  contacts: number;
  batch: number;
  seed: number;
}

export interface IngestTiming {
  ms: number;
  accountsMs: number;
  contactsMs: number;
  records: number;
}

interface Prepared {
  key: string;
  data: StoreDataset;
  rawAccounts: Account[];
  rawContacts: Contact[];
}

let prepared: Prepared | undefined;
let sidecar: SidecarDb | undefined;
let raw: IDBDatabase | undefined;

/** The seeded inputs, and the finished records the raw baseline puts (built once, outside timing). */
export function prepare(options: IngestOptions): Prepared {
  const key = `${options.accounts}/${options.contacts}/${options.seed}`;
  if (prepared?.key === key) return prepared;
  const data = generateStoreDataset(options.accounts, options.contacts, options.seed);
  const now = Date.now();
  const rawAccounts = data.accounts.map((a) => buildRecord('account', deriveAccountFields(a), now));
  const rawContacts = data.contacts.map((c, i) =>
    buildRecord('contact', normalizeContactFields({ ...c, accountId: rawAccounts[data.accountOf[i]!]!.id }), now));
  prepared = { key, data, rawAccounts, rawContacts };
  return prepared;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Close and delete both bench databases. */
export async function reset(): Promise<void> {
  sidecar?.close();
  sidecar = undefined;
  raw?.close();
  raw = undefined;
  await Dexie.delete(BENCH_DB);
  await deleteRawDb(BENCH_RAW_DB);
}

export async function freshSidecar(): Promise<SidecarDb> {
  sidecar?.close();
  await Dexie.delete(BENCH_DB);
  sidecar = new SidecarDb(BENCH_DB);
  await sidecar.open();
  return sidecar;
}

async function freshRaw(): Promise<IDBDatabase> {
  raw?.close();
  await deleteRawDb(BENCH_RAW_DB);
  raw = await openRawDb(BENCH_RAW_DB);
  return raw;
}

/** Baseline: native `put` of the finished records, one readwrite transaction per batch. */
export async function ingestRaw(options: IngestOptions): Promise<IngestTiming> {
  const { rawAccounts, rawContacts } = prepare(options);
  const db = await freshRaw();
  const start = performance.now();
  for (const batch of chunks(rawAccounts, options.batch)) await putBatch(db, 'accounts', batch);
  const mid = performance.now();
  for (const batch of chunks(rawContacts, options.batch)) await putBatch(db, 'contacts', batch);
  const end = performance.now();
  return { ms: end - start, accountsMs: mid - start, contactsMs: end - mid, records: rawAccounts.length + rawContacts.length };
}

/** Candidate: Sidecar's repositories (dedupe, zod, outbox), empty database, one call per batch. */
export async function ingestSidecar(options: IngestOptions): Promise<IngestTiming> {
  const { data } = prepare(options);
  const db = await freshSidecar();
  const accountIds: string[] = [];
  const start = performance.now();
  for (const batch of chunks(data.accounts, options.batch)) {
    for (const result of await upsertAccounts(db, batch)) {
      if (result.status !== 'created') throw new Error(`bench account not created: ${result.status}`);
      accountIds.push(result.record.id);
    }
  }
  const mid = performance.now();
  let offset = 0;
  for (const batch of chunks(data.contacts, options.batch)) {
    const inputs = batch.map((c, k) => ({ ...c, accountId: accountIds[data.accountOf[offset + k]!]! }));
    offset += batch.length;
    for (const result of await upsertContacts(db, inputs)) {
      if (result.status !== 'created') throw new Error(`bench contact not created: ${result.status}`);
    }
  }
  const end = performance.now();
  const [accounts, contacts, entries] = await Promise.all([db.accounts.count(), db.contacts.count(), db.outbox.toArray()]);
  const queued = new Set(entries.flatMap((e) => e.recordIds)).size;
  if (accounts !== options.accounts || contacts !== options.contacts || queued !== accounts + contacts) {
    throw new Error(`bench store holds ${accounts} accounts, ${contacts} contacts, ${queued} records queued for sync`);
  }
  return { ms: end - start, accountsMs: mid - start, contactsMs: end - mid, records: accounts + contacts };
}

export interface LookupSamples {
  emailSidecar: number[];
  emailRaw: number[];
  domainSidecar: number[];
  domainRaw: number[];
  timerResolutionMs: number;
}

/** Smallest step `performance.now()` shows here (coarsened in contexts that are not isolated). */
function timerResolution(): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200; i += 1) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    smallest = Math.min(smallest, b - a);
  }
  return smallest;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const found = await run();
  const ms = performance.now() - start;
  if (found === undefined || (Array.isArray(found) && found.length === 0)) throw new Error('bench look-up missed a key that was ingested');
  return ms;
}

/**
 * Point look-ups on the ingested stores (call after both ingests): by email and by domain, Sidecar
 * then raw, in alternating order, each in its own transaction.
 */
export async function lookups(options: IngestOptions & { count: number }): Promise<LookupSamples> {
  const { data } = prepare(options);
  const db = sidecar ?? new SidecarDb(BENCH_DB);
  const rawDb = raw ?? (await openRawDb(BENCH_RAW_DB));
  const emails = sampleIndexes(data.contacts.length, options.count, options.seed + 1).map((i) => data.contacts[i]!.emails![0]!);
  const domains = sampleIndexes(data.accounts.length, options.count, options.seed + 2).map(accountDomain);
  const out: LookupSamples = { emailSidecar: [], emailRaw: [], domainSidecar: [], domainRaw: [], timerResolutionMs: timerResolution() };
  const bySidecarEmail = (e: string) => findContactByEmail(db, e);
  const bySidecarDomain = (d: string) => findAccountsByDomain(db, d);
  for (let i = 0; i < 20; i += 1) {
    await bySidecarEmail(emails[i]!);
    await bySidecarDomain(domains[i]!);
    await indexGet(rawDb, 'contacts', 'emails', emails[i]!);
    await indexGet(rawDb, 'accounts', 'domains', domains[i]!);
  }
  for (let i = 0; i < emails.length; i += 1) {
    const email = emails[i]!;
    const domain = domains[i % domains.length]!;
    const pairs: Array<[number[], () => Promise<unknown>]> = [
      [out.emailSidecar, () => bySidecarEmail(email)], [out.emailRaw, () => indexGet(rawDb, 'contacts', 'emails', email)],
      [out.domainSidecar, () => bySidecarDomain(domain)], [out.domainRaw, () => indexGet(rawDb, 'accounts', 'domains', domain)],
    ];
    if (i % 2 === 1) pairs.reverse();
    for (const [samples, run] of pairs) samples.push(await timed(run));
  }
  return out;
}

/** Origin storage (call on a fresh profile after one Sidecar ingest; the raw database is deleted first). */
export async function storage(): Promise<{ usage: number; indexedDB: number | null }> {
  raw?.close();
  raw = undefined;
  await deleteRawDb(BENCH_RAW_DB);
  const estimate: StorageEstimate & { usageDetails?: Record<string, number> } = await navigator.storage.estimate();
  return { usage: estimate.usage ?? 0, indexedDB: estimate.usageDetails?.indexedDB ?? null };
}
