import type { CrmName, OutboxEntry, SyncedRecordType } from '../model';
import type { SidecarDb } from './database';
import { newId } from './ids';
import { findByIndex } from './lookup';

/** A record that changed, and which of its fields (none listed: the whole record). */
export interface RecordChange {
  record: { id: string; sample: boolean };
  fields: readonly string[];
  /** A record this transaction created: it cannot have an entry yet, so none is looked up. */
  created?: boolean;
}

/**
 * Queue a change for the CRM. Call inside the transaction that writes the record, so the change
 * and its entry land together or not at all. Pending changes to one record coalesce into one
 * entry; an entry already in flight is left alone and a new one follows it. Sample records
 * (the demo territory) are never queued.
 */
export async function enqueueUpserts(
  db: SidecarDb,
  recordType: SyncedRecordType,
  recordChanges: ReadonlyArray<RecordChange>,
  now: number,
): Promise<void> {
  const changes = recordChanges.filter((c) => !c.record.sample).map((c) => ({ recordId: c.record.id, fields: c.fields }));
  if (changes.length === 0) return;
  const known = recordChanges.filter((c) => !c.created && !c.record.sample).map((c) => c.record.id);
  const existing = await findByIndex(db.outbox, 'recordId', known);
  const pendingByRecord = new Map<string, OutboxEntry>();
  for (const entry of existing) {
    if (entry.state === 'pending' && entry.op === 'upsert') pendingByRecord.set(entry.recordId, entry);
  }
  const writes: OutboxEntry[] = [];
  for (const { recordId, fields } of changes) {
    const pending = pendingByRecord.get(recordId);
    if (pending) {
      // An empty field list means "the whole record", which already covers any field.
      const merged = pending.fields.length === 0 || fields.length === 0 ? [] : [...new Set([...pending.fields, ...fields])];
      const entry = { ...pending, fields: merged, updatedAt: now };
      pendingByRecord.set(recordId, entry);
      writes.push(entry);
    } else {
      const entry: OutboxEntry = {
        id: newId(now), recordType, recordId, op: 'upsert', fields: [...fields], remoteIds: {},
        state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now,
        payloadVersion: 1,
      };
      pendingByRecord.set(recordId, entry);
      writes.push(entry);
    }
  }
  await db.outbox.bulkPut(writes);
}

/**
 * Queue a deletion. Pending upserts of the record are dropped. A record no CRM has seen, with
 * nothing in flight, needs no entry at all.
 */
export async function enqueueDelete(
  db: SidecarDb,
  recordType: SyncedRecordType,
  recordId: string,
  remoteIds: Partial<Record<CrmName, string>>,
  now: number,
): Promise<void> {
  const existing = await db.outbox.where('recordId').equals(recordId).toArray();
  const pending = existing.filter((e) => e.state === 'pending').map((e) => e.id);
  await db.outbox.bulkDelete(pending);
  const inFlight = existing.some((e) => e.state !== 'pending');
  if (Object.keys(remoteIds).length === 0 && !inFlight) return;
  await db.outbox.add({
    id: newId(now), recordType, recordId, op: 'delete', fields: [], remoteIds, state: 'pending', attempts: 0,
    nextAttemptAt: now, lastError: null, createdAt: now, updatedAt: now, payloadVersion: 1,
  });
}
