import { EXTERNAL_ID_FIELD } from '../crm/salesforce/config';
import { fromRemote, toRemote, type MappingSettings, type RemoteFields, type RemoteRefs, type SObjectType } from '../crm/salesforce/mapping';
import type { SObjectRecord } from '../crm/salesforce/schemas';
import { deriveAccountFields } from '../db/accounts';
import { RECORD_SCHEMAS, type RecordOf } from '../db/records';
import type { RemoteLink, SyncedRecordType } from '../model';
import { isRecordId, TYPE_KEY } from './remote-refs';

/** Salesforce Task subtypes that are logged activities; any other Task is a to-do. */
const ACTIVITY_SUBTYPES = new Set(['Email', 'Call', 'ListEmail']);

/** The local table a pulled row belongs in, for a row no local record is linked to yet. */
export function localTypeOf(sobject: SObjectType, row: SObjectRecord): SyncedRecordType {
  switch (sobject) {
    case 'Account': return 'account';
    case 'Contact': case 'Lead': return 'contact';
    case 'Opportunity': return 'opportunity';
    case 'Task': return ACTIVITY_SUBTYPES.has(String(row.TaskSubtype)) ? 'activity' : 'task';
    case 'ContentNote': return 'note';
  }
}

/** A row's values for the given fields, in Salesforce's terms (scalars only). */
export function remoteValues(row: SObjectRecord, fields: readonly string[]): RemoteFields {
  const values: RemoteFields = {};
  for (const field of fields) {
    const v = row[field];
    values[field] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  return values;
}

/** The link a pulled record gets: its Salesforce Id, and the values both sides now agree on. */
export function pulledLink(sobject: SObjectType, row: SObjectRecord, fields: readonly string[], now: number): RemoteLink {
  return {
    id: row.Id, syncedAt: now,
    base: { ...remoteValues(row, fields), [TYPE_KEY]: sobject, [EXTERNAL_ID_FIELD]: typeof row[EXTERNAL_ID_FIELD] === 'string' ? row[EXTERNAL_ID_FIELD] : null },
  };
}


/**
 * A new local record for a Salesforce row no local record is linked to, or null when Sidecar
 * cannot hold it (an opportunity whose account is not here, a row without a required value).
 * It keeps the External ID as its id when that is a Sidecar id: the record came from this rep's
 * other device, and both must stay the same record.
 */
export function recordFromRemote(
  type: SyncedRecordType, sobject: SObjectType, row: SObjectRecord, refs: RemoteRefs,
  localIdOf: (remoteId: string | null) => string | null | undefined, settings: MappingSettings, newId: () => string, now: number,
  keepExternalId = true,
): RecordOf<SyncedRecordType> | null {
  const blank = toRemote(type, { kind: sobject === 'Lead' ? 'lead' : 'contact', emails: [], phones: [], contactIds: [], body: '', occurredAt: now }, refs, settings);
  const fields = Object.keys(blank);
  const external = row[EXTERNAL_ID_FIELD];
  let input: Record<string, unknown> = fromRemote(type, row, fields, {}, localIdOf, settings);
  switch (type) {
    case 'account': input = deriveAccountFields({ ...input, domains: [] } as Parameters<typeof deriveAccountFields>[0]); break;
    case 'contact': input.kind = sobject === 'Lead' ? 'lead' : 'contact'; break;
    case 'activity':
      input.type = row.TaskSubtype === 'Call' ? 'call' : 'email';
      input.occurredAt ??= Date.parse(String(row.SystemModstamp).replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) || now;
      break;
    default: break;
  }
  const parsed = RECORD_SCHEMAS[type].safeParse({
    ...input, id: keepExternalId && isRecordId(external) ? external : newId(), createdAt: now, updatedAt: now,
    remote: { salesforce: pulledLink(sobject, row, fields, now) },
  });
  return parsed.success ? parsed.data : null;
}
