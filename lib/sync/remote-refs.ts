import type { RemoteRefs } from '../crm/salesforce/mapping';
import type { SidecarDb } from '../db/database';
import { tableFor } from '../db/records';
import { RecordId, type RemoteLink, type SyncedRecordType } from '../model';

/** `base.__type`: the sObject a record lives as in Salesforce (a lead stays a Lead there until converted). */
export const TYPE_KEY = '__type';

/** A record's Salesforce link, if it has one. */
export const linkOf = (record: { remote: object }): RemoteLink | undefined => (record.remote as Partial<Record<'salesforce', RemoteLink>>).salesforce;

/** Whether a value is a Sidecar record id (a ULID): an External ID Sidecar wrote. */
export const isRecordId = (value: unknown): value is string => RecordId.safeParse(value).success;

/** Salesforce Id prefixes of the objects Sidecar writes. */
const ID_PREFIXES: Record<string, string> = {
  '001': 'Account', '003': 'Contact', '00Q': 'Lead', '006': 'Opportunity', '00T': 'Task', '069': 'ContentNote',
};

export function sobjectOfId(id: string): string | null {
  return ID_PREFIXES[id.slice(0, 3)] ?? null;
}

/** The Salesforce Ids of the records a batch refers to (accounts of contacts, people of activities). */
export async function loadRemoteRefs(db: SidecarDb, wanted: Partial<Record<SyncedRecordType, readonly (string | null)[]>>): Promise<RemoteRefs & {
  /** A referenced record exists here but has no Salesforce Id yet: what refers to it must wait. */
  waitingFor(type: SyncedRecordType, localId: string | null): boolean;
}> {
  const ids = new Map<string, string | null>();
  const present = new Set<string>();
  for (const [type, list] of Object.entries(wanted) as Array<[SyncedRecordType, (string | null)[]]>) {
    const keys = [...new Set(list.filter((id): id is string => id !== null))];
    const records = await tableFor(db, type).bulkGet(keys);
    for (const record of records) {
      if (!record) continue;
      present.add(`${type}:${record.id}`);
      const link = (record.remote as Partial<Record<'salesforce', RemoteLink>>).salesforce;
      ids.set(`${type}:${record.id}`, link?.id ?? null);
    }
  }
  return {
    remoteIdOf: (type, localId) => (localId === null ? null : ids.get(`${type}:${localId}`) ?? null),
    isLead: (contactId) => sobjectOfId(ids.get(`contact:${contactId}`) ?? '') === 'Lead',
    waitingFor: (type, localId) => localId !== null && present.has(`${type}:${localId}`) && !ids.get(`${type}:${localId}`),
  };
}
