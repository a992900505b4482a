import { z } from 'zod';
import { CrmName, JsonValue, RecordId, Timestamp } from './common';

/** Record types that sync to a CRM, and the Dexie table each lives in. */
export const SyncedRecordType = z.enum(['account', 'contact', 'opportunity', 'activity', 'note', 'task']);
export type SyncedRecordType = z.infer<typeof SyncedRecordType>;

/**
 * How long a change can still be undone. No outbox entry is due before this has passed, so sync
 * never pushes a change the rep may take back (a capture's Undo).
 */
export const UNDO_WINDOW_MS = 10_000;

export const OutboxState = z.enum(['pending', 'in-flight', 'parked']);
export type OutboxState = z.infer<typeof OutboxState>;

/**
 * One change waiting for the CRM. Written in the same transaction as the change; deleted only once
 * the CRM acknowledged it. An edit or a delete names one record, and pending edits to one record
 * coalesce into one entry. A capture or an import that creates records writes one entry naming all
 * of them: the drain pushes them in CRM-sized batches and splits off any record the CRM refuses.
 */
export const OutboxEntry = z.object({
  id: RecordId,
  recordType: SyncedRecordType,
  /** The records this change covers; indexed multi-entry. Always one for `update` and `delete`. */
  recordIds: z.array(RecordId).min(1),
  /** `create`: whole new records. `update`: the listed fields of one record. `delete`: one record. */
  op: z.enum(['create', 'update', 'delete']),
  /** For an update, the fields changed since the entry was made; empty means the whole record. */
  fields: z.array(z.string()).default([]),
  /** For a delete: the record's CRM ids, since the record itself is gone. */
  remoteIds: z.partialRecord(CrmName, z.string()).default({}),
  state: OutboxState,
  attempts: z.number().int().nonnegative().default(0),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /**
   * Bumped when the entry's meaning changes; old entries are read by their own version.
   * 1: one record per entry (`recordId`, op `upsert`), never shipped beyond schema v1. 2: this shape.
   */
  payloadVersion: z.literal(2).default(2),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** Where a pull from one CRM left off, per record type: the remote timestamp, never a cursor. */
export const SyncCheckpoint = z.object({
  id: z.string(),
  crm: CrmName,
  recordType: SyncedRecordType,
  remoteTimestamp: z.string().nullable(),
  /** Ids already read at exactly `remoteTimestamp`: the next pull starts there (`>=`) and skips them. */
  boundaryIds: z.array(z.string()).default([]),
  /** When the last pull of this type finished; a checkpoint older than deletions reach (15 days) forces a full reconciliation. */
  pulledAt: Timestamp.nullable().default(null),
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

/**
 * Something sync could not settle by itself, for the error centre: a record Salesforce refused, a
 * record that matches several CRM records ("which one is it?"), or a duplicate rule. One per record.
 */
export const SyncIssue = z.object({
  /** `${crm}:${recordType}:${recordId}`: a record has at most one open issue per CRM. */
  id: z.string(),
  crm: CrmName,
  recordType: SyncedRecordType,
  recordId: RecordId,
  kind: z.enum(['rejected', 'ambiguous-match', 'duplicate', 'deleted-remotely']),
  /** Readable, with no personal text: Salesforce's error code and message, or Sidecar's own words. */
  message: z.string(),
  errorCode: z.string().nullable().default(null),
  fields: z.array(z.string()).default([]),
  /** CRM records the rep may link this record to. */
  candidates: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  createdAt: Timestamp,
});
export type SyncIssue = z.infer<typeof SyncIssue>;

/**
 * A CRM object's describe, kept per org so a sync with nothing new spends no describe call
 * (lib/sync/describes.ts has the freshness rule). `describe` is the CRM's own shape, trimmed to what
 * Sidecar reads; `fetchedAt` is when it was last fetched whole, `checkedAt` when it was last confirmed.
 */
export interface CachedDescribe {
  id: string;
  describe: { name: string; fields: Array<{ name: string } & Record<string, unknown>> };
  fetchedAt: number;
  checkedAt: number;
  /** The HTTP date a check sends as `If-Modified-Since`: the org's Last-Modified when it sent one. */
  modifiedSince: string;
}
