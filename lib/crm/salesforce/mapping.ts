import type { Account, Activity, Contact, Note, Opportunity, SyncedRecordType, Task } from '../../model';
import { EXTERNAL_ID_FIELD } from './config';

/**
 * How Sidecar's records map to Salesforce fields. Last-synced values (`remote.salesforce.base`)
 * are kept in Salesforce's terms, so a lossy mapping can never look like a change.
 */

export type SObjectType = 'Account' | 'Contact' | 'Lead' | 'Opportunity' | 'Task' | 'ContentNote';
export type RemoteFields = Record<string, string | number | boolean | null>;

/** Settings an admin or rep chooses (Settings → Salesforce → Field mapping). */
export interface MappingSettings {
  /** The Contact and Lead field that holds the LinkedIn profile URL, if the org has one. */
  linkedinUrlField: string | null;
}

/** Salesforce Ids of related records, as far as they are known. */
export interface RemoteRefs {
  remoteIdOf(type: SyncedRecordType, localId: string | null): string | null;
  /** Whether a contact's Salesforce record is a Lead. */
  isLead(contactId: string): boolean;
}

const ACCOUNT_TYPES: Record<Account['type'], string> = {
  prospect: 'Prospect', customer: 'Customer - Direct', partner: 'Channel Partner / Reseller', competitor: 'Competitor',
};
const TASK_SUBTYPES: Record<Activity['type'], string> = { email: 'Email', call: 'Call', meeting: 'Task', linkedin: 'Task', note: 'Task' };
/** Salesforce's own placeholder for a lead's company when none is known. */
export const NO_COMPANY = '[not provided]';

export function sobjectFor(type: SyncedRecordType, record: { kind?: string }): SObjectType {
  switch (type) {
    case 'account': return 'Account';
    case 'contact': return record.kind === 'lead' ? 'Lead' : 'Contact';
    case 'opportunity': return 'Opportunity';
    case 'activity': case 'task': return 'Task';
    case 'note': return 'ContentNote';
  }
}

/** A ContentNote's title: the note's first line, without markdown marks. */
export function noteTitle(body: string): string {
  return body.split('\n', 1)[0]!.replace(/[*_#>`[\]]/g, '').trim().slice(0, 255) || 'Note';
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function person(c: Contact, settings: MappingSettings): RemoteFields {
  const fields: RemoteFields = {
    FirstName: c.firstName, LastName: c.lastName, Title: c.title, Email: c.emails[0] ?? null, Phone: c.phones[0] ?? null,
  };
  if (settings.linkedinUrlField) fields[settings.linkedinUrlField] = c.linkedinUrl;
  return fields;
}

/** The Salesforce fields for one local record (without the external id). */
export function toRemote(type: SyncedRecordType, record: object, refs: RemoteRefs, settings: MappingSettings): RemoteFields {
  switch (type) {
    case 'account': {
      const a = record as Account;
      return {
        Name: a.name, Website: a.website, Industry: a.industry, Type: ACCOUNT_TYPES[a.type],
        BillingCity: a.location?.city ?? null, BillingCountry: a.location?.country ?? null,
      };
    }
    case 'contact': {
      const c = record as Contact;
      if (c.kind === 'lead') return { ...person(c, settings), Company: c.company ?? NO_COMPANY };
      return { ...person(c, settings), AccountId: refs.remoteIdOf('account', c.accountId) };
    }
    case 'opportunity': {
      const o = record as Opportunity;
      return { Name: o.name, StageName: o.stage, CloseDate: o.closeDate, Amount: o.amount, AccountId: refs.remoteIdOf('account', o.accountId) };
    }
    case 'activity': {
      const a = record as Activity;
      const who = a.contactIds.find((id) => refs.remoteIdOf('contact', id)) ?? null;
      const toLead = who !== null && refs.isLead(who);
      return {
        Subject: a.subject, TaskSubtype: TASK_SUBTYPES[a.type], Status: 'Completed', ActivityDate: day(a.occurredAt),
        Description: a.excerpt, WhoId: refs.remoteIdOf('contact', who),
        // A Task whose WhoId is a Lead cannot be related to anything else.
        WhatId: toLead ? null : refs.remoteIdOf('opportunity', a.opportunityId) ?? refs.remoteIdOf('account', a.accountId),
      };
    }
    case 'task': {
      const t = record as Task;
      const toLead = t.contactId !== null && refs.isLead(t.contactId);
      return {
        Subject: t.subject, TaskSubtype: 'Task', Status: t.done ? 'Completed' : 'Not Started', ActivityDate: t.dueDate,
        WhoId: refs.remoteIdOf('contact', t.contactId),
        WhatId: toLead ? null : refs.remoteIdOf('opportunity', t.opportunityId) ?? refs.remoteIdOf('account', t.accountId),
      };
    }
    case 'note': {
      const n = record as Note;
      return { Title: noteTitle(n.body), Content: n.body };
    }
  }
}

/** The Salesforce fields Sidecar reads back when it pulls one object. */
export function pulledFields(sobject: SObjectType, settings: MappingSettings): string[] {
  const base = ['Id', 'SystemModstamp', 'IsDeleted', 'OwnerId'];
  const withExternal = [...base, EXTERNAL_ID_FIELD];
  const linkedin = settings.linkedinUrlField ? [settings.linkedinUrlField] : [];
  switch (sobject) {
    case 'Account': return [...withExternal, 'Name', 'Website', 'Industry', 'Type', 'BillingCity', 'BillingCountry'];
    case 'Contact': return [...withExternal, 'FirstName', 'LastName', 'Title', 'Email', 'Phone', 'AccountId', ...linkedin];
    case 'Lead': return [...withExternal, 'FirstName', 'LastName', 'Title', 'Email', 'Phone', 'Company', 'IsConverted', ...linkedin];
    case 'Opportunity': return [...withExternal, 'Name', 'StageName', 'CloseDate', 'Amount', 'AccountId', 'IsClosed'];
    case 'Task': return [...withExternal, 'Subject', 'TaskSubtype', 'Status', 'ActivityDate', 'Description', 'WhoId', 'WhatId'];
    case 'ContentNote': return [...base, 'Title'];
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The local fields a Salesforce value sets, for the fields given (those the merge took from
 * Salesforce). References come back as local ids through `localIdOf`; an unknown one is left alone.
 */
export function fromRemote(
  type: SyncedRecordType, remote: Record<string, unknown>, fields: readonly string[], current: Record<string, unknown>,
  localIdOf: (remoteId: string | null) => string | null | undefined, settings: MappingSettings,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const take = (field: string, set: (value: unknown) => void) => { if (fields.includes(field)) set(remote[field]); };
  const accountTypeOf = (v: unknown) => (Object.entries(ACCOUNT_TYPES).find(([, label]) => label === v)?.[0] ?? 'prospect');
  // WhatId names an account or an opportunity (Id prefix 001 / 006); anything else is left alone.
  const setWhat = (remoteId: string | null) => {
    const id = localIdOf(remoteId);
    if (remoteId === null) { patch.accountId = null; patch.opportunityId = null; }
    else if (id && remoteId.startsWith('001')) { patch.accountId = id; patch.opportunityId = null; }
    else if (id && remoteId.startsWith('006')) patch.opportunityId = id;
  };
  switch (type) {
    case 'account':
      take('Name', (v) => { if (str(v)) patch.name = str(v); });
      // Salesforce keeps whatever was typed (`acme.com`); Sidecar keeps a URL.
      take('Website', (v) => { const w = str(v); patch.website = w && !/^https?:\/\//i.test(w) ? `https://${w}` : w; });
      take('Industry', (v) => { patch.industry = str(v); });
      take('Type', (v) => { patch.type = accountTypeOf(v); });
      take('BillingCity', (v) => { patch.location = { ...(current.location as object ?? {}), ...(patch.location as object ?? {}), city: str(v) }; });
      take('BillingCountry', (v) => { patch.location = { ...(current.location as object ?? {}), ...(patch.location as object ?? {}), country: str(v) }; });
      break;
    case 'contact': {
      take('FirstName', (v) => { patch.firstName = str(v); });
      take('LastName', (v) => { if (str(v)) patch.lastName = str(v); });
      take('Title', (v) => { patch.title = str(v); });
      const emails = (current.emails as string[] | undefined) ?? [];
      take('Email', (v) => { const e = str(v)?.toLowerCase(); patch.emails = e ? [e, ...emails.filter((x) => x !== e)] : emails.slice(1); });
      const phones = (current.phones as string[] | undefined) ?? [];
      take('Phone', (v) => { const p = str(v); patch.phones = p ? [p, ...phones.filter((x) => x !== p)] : phones.slice(1); });
      take('Company', (v) => { const c = str(v); patch.company = c === NO_COMPANY ? null : c; });
      take('AccountId', (v) => { const id = localIdOf(str(v)); if (id !== undefined) patch.accountId = id; });
      if (settings.linkedinUrlField) take(settings.linkedinUrlField, (v) => { patch.linkedinUrl = str(v); });
      break;
    }
    case 'opportunity':
      take('Name', (v) => { if (str(v)) patch.name = str(v); });
      take('StageName', (v) => { if (str(v)) patch.stage = str(v); });
      take('CloseDate', (v) => { patch.closeDate = str(v); });
      take('Amount', (v) => { patch.amount = typeof v === 'number' ? v : null; });
      take('AccountId', (v) => { const id = localIdOf(str(v)); if (id) patch.accountId = id; });
      break;
    case 'activity': {
      take('Subject', (v) => { if (str(v)) patch.subject = str(v); });
      take('Description', (v) => { patch.excerpt = str(v)?.slice(0, 1000) ?? null; });
      // A moved date keeps the time of day Sidecar knew (Salesforce's ActivityDate has none).
      take('ActivityDate', (v) => {
        const date = str(v);
        const at = typeof current.occurredAt === 'number' ? current.occurredAt : null;
        if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && (at === null || day(at) !== date)) {
          patch.occurredAt = Date.parse(`${date}T${at === null ? '12:00:00.000' : new Date(at).toISOString().slice(11, 23)}Z`);
        }
      });
      const people = (current.contactIds as string[] | undefined) ?? [];
      take('WhoId', (v) => { const id = localIdOf(str(v)); if (id) patch.contactIds = [id, ...people.filter((c) => c !== id)]; });
      take('WhatId', (v) => setWhat(str(v)));
      break;
    }
    case 'task':
      take('Subject', (v) => { if (str(v)) patch.subject = str(v); });
      take('Status', (v) => { patch.done = v === 'Completed'; });
      take('ActivityDate', (v) => { patch.dueDate = str(v); });
      take('WhoId', (v) => { const id = localIdOf(str(v)); if (id !== undefined) patch.contactId = id; });
      take('WhatId', (v) => setWhat(str(v)));
      break;
    case 'note':
      break;
  }
  return patch;
}
