import { UNDO_WINDOW_MS, type CrmName, type OutboxEntry, type SyncedRecordType } from '../model';
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


function newEntry(
  recordType: SyncedRecordType, op: OutboxEntry['op'], recordIds: string[], now: number,
  extra: Partial<Pick<OutboxEntry, 'fields' | 'remoteIds'>> = {},
): OutboxEntry {
  return {
    id: newId(now), recordType, recordIds, op, fields: [], remoteIds: {}, state: 'pending', attempts: 0,
    nextAttemptAt: now + UNDO_WINDOW_MS, lastError: null, createdAt: now, updatedAt: now, payloadVersion: 2, ...extra,
  };
}

/**
 * Queue changes for the CRM. Call inside the transaction that writes the records, so the changes
 * and their entries land together or not at all.
 * - Records the transaction created share one `create` entry: an import of a thousand people is one
 *   write, not a thousand.
 * - An edit coalesces into the record's pending entry: a pending `create` already sends the whole
 *   record, and a pending `update` gains the fields. An entry already in flight is left alone, and a
 *   new one follows it.
 * - Sample records (the demo territory) are never queued.
 */
export async function enqueueUpserts(
  db: SidecarDb, recordType: SyncedRecordType, changes: ReadonlyArray<RecordChange>, now: number,
): Promise<void> {
  const real = changes.filter((c) => !c.record.sample);
  const created = [...new Set(real.filter((c) => c.created).map((c) => c.record.id))];
  const edited = real.filter((c) => !c.created && !created.includes(c.record.id));
  const writes: OutboxEntry[] = [];
  if (created.length) writes.push(newEntry(recordType, 'create', created, now));
  if (edited.length) {
    const existing = await findByIndex(db.outbox, 'recordIds', edited.map((c) => c.record.id));
    const pendingFor = new Map<string, OutboxEntry>();
    for (const entry of existing) {
      if (entry.state !== 'pending' || entry.op === 'delete') continue;
      for (const id of entry.recordIds) pendingFor.set(id, entry);
    }
    for (const { record, fields } of edited) {
      const pending = pendingFor.get(record.id);
      if (pending?.op === 'create') continue; // It sends the whole record when it goes.
      // An edit restarts the undo window of the entry it joins.
      const entry = pending
        ? { ...pending, updatedAt: now, nextAttemptAt: Math.max(pending.nextAttemptAt, now + UNDO_WINDOW_MS), fields: pending.fields.length === 0 || fields.length === 0 ? [] : [...new Set([...pending.fields, ...fields])] }
        : newEntry(recordType, 'update', [record.id], now, { fields: [...fields] });
      pendingFor.set(record.id, entry);
      writes.push(entry);
    }
  }
  // The last write of an entry wins: it carries every field merged into it.
  await db.outbox.bulkPut([...new Map(writes.map((e) => [e.id, e])).values()]);
}

/**
 * Queue a deletion. The record leaves every pending entry (an emptied entry goes). A record no CRM
 * has seen, with nothing in flight, needs no delete entry at all.
 */
export async function enqueueDelete(
  db: SidecarDb, recordType: SyncedRecordType, recordId: string, remoteIds: Partial<Record<CrmName, string>>, now: number,
): Promise<void> {
  const existing = await db.outbox.where('recordIds').equals(recordId).toArray();
  for (const entry of existing.filter((e) => e.state === 'pending')) {
    const rest = entry.recordIds.filter((id) => id !== recordId);
    if (rest.length) await db.outbox.put({ ...entry, recordIds: rest, updatedAt: now });
    else await db.outbox.delete(entry.id);
  }
  const inFlight = existing.some((e) => e.state !== 'pending');
  if (Object.keys(remoteIds).length === 0 && !inFlight) return;
  await db.outbox.add(newEntry(recordType, 'delete', [recordId], now, { remoteIds }));
}
