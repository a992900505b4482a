import { z } from 'zod';
import { CrmName, JsonValue, RecordId, Timestamp } from './common';

/** Record types that sync to a CRM, and the Dexie table each lives in. */
export const SyncedRecordType = z.enum(['account', 'contact', 'opportunity', 'activity', 'note', 'task']);
export type SyncedRecordType = z.infer<typeof SyncedRecordType>;

export const OutboxState = z.enum(['pending', 'in-flight', 'parked']);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * One change waiting for the CRM. Written in the same transaction as the change; deleted only once
 * the CRM acknowledged it. Pending changes to one record coalesce into one entry.
 */
export const OutboxEntry = z.object({
  id: RecordId,
  recordType: SyncedRecordType,
  recordId: RecordId,
  op: z.enum(['upsert', 'delete']),
  /** Fields changed since the entry was made; empty means the whole record. */
  fields: z.array(z.string()).default([]),
  /** For a delete: the record's CRM ids, since the record itself is gone. */
  remoteIds: z.partialRecord(CrmName, z.string()).default({}),
  state: OutboxState,
  attempts: z.number().int().nonnegative().default(0),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Bumped when the entry's meaning changes; old entries are read by their own version. */
  payloadVersion: z.literal(1).default(1),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Where a pull from one CRM left off, per record type: the remote timestamp, never a cursor. */
export const SyncCheckpoint = z.object({
  id: z.string(),
  crm: CrmName,
  recordType: SyncedRecordType,
  remoteTimestamp: z.string().nullable(),
  updatedAt: Timestamp,
});
export type SyncCheckpoint = z.infer<typeof SyncCheckpoint>;

/** A field both sides changed since the last sync; the rep picks one value. */
export const Conflict = z.object({
  id: RecordId,
  crm: CrmName,
  recordType: SyncedRecordType,
  recordId: RecordId,
  field: z.string(),
  base: JsonValue,
  local: JsonValue,
  remote: JsonValue,
  createdAt: Timestamp,
});
export type Conflict = z.infer<typeof Conflict>;
