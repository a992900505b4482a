import { fromRemote, type MappingSettings } from '../crm/salesforce/mapping';
import type { SidecarDb } from '../db/database';
import { notFound } from '../db/errors';
import { enqueueUpserts } from '../db/outbox';
import { applyPatch, tableFor, type RecordOf } from '../db/records';
import type { Conflict, SyncedRecordType } from '../model';
import { linkOf, sobjectOfId } from './remote-refs';

/** The rep's answer in the conflict centre: their value, or Salesforce's. */
export type ConflictChoice = 'mine' | 'salesforce';

type AnyRecord = RecordOf<SyncedRecordType>;

/** Which local table a Salesforce Id's records live in, by its prefix. */
const TYPE_OF_SOBJECT: Record<string, SyncedRecordType> = { Account: 'account', Contact: 'contact', Lead: 'contact', Opportunity: 'opportunity' };

/**
 * Salesforce Ids → local ids, through the `remote.salesforce.id` index of the table each Id's
 * prefix names. The answer is synchronous (what `fromRemote` wants): undefined for an Id not here.
 */
export async function localIdsOf(db: SidecarDb, values: readonly unknown[]): Promise<(remoteId: string | null) => string | null | undefined> {
  const found = new Map<string, string>();
  for (const value of new Set(values)) {
    if (typeof value !== 'string') continue;
    const type = TYPE_OF_SOBJECT[sobjectOfId(value) ?? ''];
    if (!type) continue;
    const record = await tableFor(db, type).where('remote.salesforce.id').equals(value).first();
    if (record) found.set(value, record.id);
  }
  return (remoteId) => (remoteId === null ? null : found.get(remoteId));
}

/** The local fields one Salesforce field sets (Title → title); empty when it maps to none. */
function localFieldsOf(conflict: Conflict, record: AnyRecord, settings: MappingSettings): string[] {
  return Object.keys(fromRemote(conflict.recordType, { [conflict.field]: conflict.local }, [conflict.field], record as unknown as Record<string, unknown>, () => undefined, settings));
}

/**
 * Settle one conflict, in one transaction.
 * - Salesforce's: the record takes Salesforce's value and it becomes the last-synced value. Nothing
 *   is queued (the table is written directly): Salesforce already holds it.
 * - Mine: Salesforce's value becomes the last-synced value, so the push sees this side changed it
 *   and sends it; the record is queued for that push. (The push holds back a field while its
 *   conflict is open, so the conflict goes in the same transaction.)
 * A record deleted since takes its conflict with it.
 */
export async function resolveConflict(
  db: SidecarDb, conflictId: string, choice: ConflictChoice, options: { now: number; settings: MappingSettings },
): Promise<void> {
  const { now, settings } = options;
  const tables = [db.accounts, db.contacts, db.opportunities, db.activities, db.notes, db.tasks, db.conflicts, db.outbox];
  await db.transaction('rw', tables, async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw notFound('conflict', conflictId);
    const type = conflict.recordType;
    const table = tableFor(db, type);
    const record = await table.get(conflict.recordId);
    await db.conflicts.delete(conflict.id);
    if (!record) return;
    const link = linkOf(record);
    // Unlinked since (deleted in Salesforce, say): there is no last-synced value to set.
    const remote = link ? { ...record.remote, salesforce: { ...link, base: { ...link.base, [conflict.field]: conflict.remote } } } : record.remote;
    if (choice === 'salesforce') {
      const localIdOf = await localIdsOf(db, [conflict.remote]);
      const patch = fromRemote(type, { [conflict.field]: conflict.remote }, [conflict.field], record as unknown as Record<string, unknown>, localIdOf, settings);
      const { record: next } = applyPatch(type, record, patch, now);
      await table.put({ ...next, remote } as AnyRecord);
      return;
    }
    const next = { ...record, remote } as AnyRecord;
    await table.put(next);
    await enqueueUpserts(db, type, [{ record: next, fields: localFieldsOf(conflict, record, settings) }], now);
  });
}
