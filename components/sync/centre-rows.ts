import type { SidecarDb } from '../../lib/db/database';
import { tableFor, type RecordOf } from '../../lib/db/records';
import type { Conflict, RemoteLink, SyncIssue, SyncedRecordType } from '../../lib/model';
import { REFERENCE_FIELDS, recordLabel } from './labels';

/** A conflict or an issue with what the centre shows of its record. Read live in the side panel. */
export interface CentreRow<T> {
  item: T;
  /** The record's name; null when it was deleted since. */
  label: string | null;
  /** Its Salesforce Id, for "Open in Salesforce". */
  remoteId: string | null;
}

type AnyRecord = RecordOf<SyncedRecordType>;
const remoteIdOf = (record: AnyRecord | undefined) => (record?.remote as Partial<Record<'salesforce', RemoteLink>> | undefined)?.salesforce?.id ?? null;

async function withRecords<T extends { recordType: SyncedRecordType; recordId: string }>(db: SidecarDb, items: T[]): Promise<Array<CentreRow<T>>> {
  const byType = new Map<SyncedRecordType, string[]>();
  for (const item of items) byType.set(item.recordType, [...(byType.get(item.recordType) ?? []), item.recordId]);
  const records = new Map<string, AnyRecord>();
  for (const [type, ids] of byType) {
    for (const record of await tableFor(db, type).bulkGet(ids)) if (record) records.set(`${type}:${record.id}`, record);
  }
  return items.map((item) => {
    const record = records.get(`${item.recordType}:${item.recordId}`);
    return { item, label: record ? recordLabel(item.recordType, record) : null, remoteId: remoteIdOf(record) };
  });
}

/** Names of the records Salesforce Ids in reference fields point to (an account, a person, a deal). */
async function referenceNames(db: SidecarDb, conflicts: Conflict[]): Promise<Map<string, string>> {
  const ids = [...new Set(conflicts.filter((c) => REFERENCE_FIELDS.has(c.field)).flatMap((c) => [c.local, c.remote, c.base]))]
    .filter((v): v is string => typeof v === 'string' && v !== '');
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  for (const type of ['account', 'contact', 'opportunity'] as const) {
    for (const record of await tableFor(db, type).where('remote.salesforce.id').anyOf(ids).toArray()) {
      const id = remoteIdOf(record);
      if (id) names.set(id, recordLabel(type, record));
    }
  }
  return names;
}

export async function loadConflictRows(db: SidecarDb): Promise<{ rows: Array<CentreRow<Conflict>>; names: Map<string, string> }> {
  const conflicts = await db.conflicts.orderBy('createdAt').toArray();
  return { rows: await withRecords(db, conflicts), names: await referenceNames(db, conflicts) };
}

export async function loadIssueRows(db: SidecarDb): Promise<Array<CentreRow<SyncIssue>>> {
  return withRecords(db, await db.syncIssues.orderBy('createdAt').toArray());
}
