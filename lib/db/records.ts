import type { Table } from 'dexie';
import { z } from 'zod';
import {
  Account, Activity, Contact, Note, Opportunity, Task, type CrmName, type RemoteLink, type SyncedRecordType,
} from '../model';
import type { SidecarDb } from './database';
import { invalid, notFound } from './errors';
import { newId } from './ids';
import { enqueueDelete, enqueueUpserts } from './outbox';

export const RECORD_SCHEMAS = {
  account: Account,
  contact: Contact,
  opportunity: Opportunity,
  activity: Activity,
  note: Note,
  task: Task,
} as const satisfies Record<SyncedRecordType, z.ZodType>;

export type RecordOf<T extends SyncedRecordType> = z.infer<(typeof RECORD_SCHEMAS)[T]>;

const TABLE_NAMES = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  activity: 'activities',
  note: 'notes',
  task: 'tasks',
} as const satisfies Record<SyncedRecordType, keyof SidecarDb>;

type StoredRecord = { id: string; createdAt: number; updatedAt: number; remote: Partial<Record<CrmName, RemoteLink>> };

export function tableFor<T extends SyncedRecordType>(db: SidecarDb, type: T): Table<RecordOf<T>, string> {
  return db[TABLE_NAMES[type]] as unknown as Table<RecordOf<T>, string>;
}

/** Server-owned fields a caller may never set. */
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'remote'] as const;

/** Validate a whole new record from caller input, stamping id and times. Throws `invalid`. */
export function buildRecord<T extends SyncedRecordType>(type: T, input: object, now: number): RecordOf<T> {
  const clean = withoutSystemFields(input);
  const result = RECORD_SCHEMAS[type].safeParse({ ...clean, id: newId(now), createdAt: now, updatedAt: now, remote: {} });
  if (!result.success) throw invalid(type, result.error);
  return result.data as RecordOf<T>;
}

/** Apply a patch to a stored record and validate the result. Returns the record and changed fields. */
export function applyPatch<T extends SyncedRecordType>(
  type: T,
  current: RecordOf<T>,
  patch: object,
  now: number,
): { record: RecordOf<T>; fields: string[] } {
  const clean = withoutSystemFields(patch);
  const result = RECORD_SCHEMAS[type].safeParse({ ...current, ...clean, updatedAt: now });
  if (!result.success) throw invalid(type, result.error);
  const record = result.data as RecordOf<T>;
  const fields = Object.keys(clean).filter(
    (key) => JSON.stringify((current as Record<string, unknown>)[key]) !== JSON.stringify((record as Record<string, unknown>)[key]),
  );
  return { record: fields.length ? record : current, fields };
}

function withoutSystemFields(input: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...input };
  for (const key of SYSTEM_FIELDS) delete copy[key];
  return copy;
}

export function remoteIdsOf(record: StoredRecord): Partial<Record<CrmName, string>> {
  const ids: Partial<Record<CrmName, string>> = {};
  for (const [crm, link] of Object.entries(record.remote) as Array<[CrmName, RemoteLink | undefined]>) {
    if (link?.id) ids[crm] = link.id;
  }
  return ids;
}

/** Create any synced record with its outbox entry, in one transaction. */
export async function createRecord<T extends SyncedRecordType>(
  db: SidecarDb, type: T, input: object, now = Date.now(),
): Promise<RecordOf<T>> {
  const record = buildRecord(type, input, now);
  const table = tableFor(db, type);
  await db.transaction('rw', [table, db.outbox], async () => {
    await table.add(record);
    await enqueueUpserts(db, type, [{ record, fields: [], created: true }], now);
  });
  return record;
}

/** Update any synced record; queues only the fields that really changed. */
export async function updateRecord<T extends SyncedRecordType>(
  db: SidecarDb, type: T, id: string, patch: object, now = Date.now(),
): Promise<RecordOf<T>> {
  const table = tableFor(db, type);
  return db.transaction('rw', [table, db.outbox], async () => {
    const current = await table.get(id);
    if (!current) throw notFound(type, id);
    const { record, fields } = applyPatch(type, current, patch, now);
    if (fields.length === 0) return current;
    await table.put(record);
    await enqueueUpserts(db, type, [{ record, fields }], now);
    return record;
  });
}

/** Delete one synced record and queue its deletion, in the caller's transaction. */
export async function deleteInTransaction(db: SidecarDb, type: SyncedRecordType, id: string, now: number): Promise<void> {
  const table = tableFor(db, type);
  const current = (await table.get(id)) as StoredRecord | undefined;
  if (!current) throw notFound(type, id);
  await table.delete(id);
  await enqueueDelete(db, type, id, remoteIdsOf(current), now);
}

