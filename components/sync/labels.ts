import { noteTitle } from '../../lib/crm/salesforce/mapping';
import { fullName, type JsonValue, type SyncIssue, type SyncedRecordType } from '../../lib/model';
import type { RecordOf } from '../../lib/db/records';

/** What a rep calls each kind of record. */
export const RECORD_TYPE_LABEL: Record<SyncedRecordType, string> = {
  account: 'Account', contact: 'Contact', opportunity: 'Opportunity', activity: 'Activity', note: 'Note', task: 'Task',
};

/** Salesforce field names (conflicts and issues are in Salesforce's terms) as a rep reads them. */
const FIELD_LABEL: Record<string, string> = {
  Name: 'Name', Website: 'Website', Industry: 'Industry', Type: 'Type', BillingCity: 'City', BillingCountry: 'Country',
  FirstName: 'First name', LastName: 'Last name', Title: 'Title', Email: 'Email', Phone: 'Phone', Company: 'Company',
  AccountId: 'Account', StageName: 'Stage', CloseDate: 'Close date', Amount: 'Amount',
  Subject: 'Subject', TaskSubtype: 'Kind', Status: 'Status', ActivityDate: 'Date', Description: 'Description',
  WhoId: 'Person', WhatId: 'Related to', Content: 'Text',
};

/** Fields whose value is a Salesforce Id: shown as the name of the record it is here. */
export const REFERENCE_FIELDS = new Set(['AccountId', 'WhoId', 'WhatId']);

export function fieldLabel(field: string, recordType?: SyncedRecordType): string {
  if (field === 'ActivityDate' && recordType === 'task') return 'Due date';
  const known = FIELD_LABEL[field];
  if (known) return known;
  // A custom field (`LinkedIn_Profile__c`): its name without the suffix and underscores.
  const words = field.replace(/__c$/, '').replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : field;
}

/** A field's value as text; a reference becomes the name of the record it points to, when Sidecar has it. */
export function formatValue(value: JsonValue, names: ReadonlyMap<string, string> = new Map()): string {
  if (value === null || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return names.get(value) ?? value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The name a list shows for a record. */
export function recordLabel(type: SyncedRecordType, record: RecordOf<SyncedRecordType>): string {
  switch (type) {
    case 'account': return (record as RecordOf<'account'>).name;
    case 'contact': return fullName(record as RecordOf<'contact'>);
    case 'opportunity': return (record as RecordOf<'opportunity'>).name;
    case 'activity': return (record as RecordOf<'activity'>).subject;
    case 'task': return (record as RecordOf<'task'>).subject;
    case 'note': return noteTitle((record as RecordOf<'note'>).body);
  }
}

export const ISSUE_TITLE: Record<SyncIssue['kind'], string> = {
  rejected: 'Salesforce refused it',
  'ambiguous-match': 'Several Salesforce records match',
  duplicate: 'Already in Salesforce',
  'deleted-remotely': 'Deleted in Salesforce',
};
