import { EXTERNAL_ID_FIELD } from '../config';
import type { Describe, DescribeField } from '../schemas';

export interface MappableField {
  name: string;
  label: string;
  type: string;
}

/**
 * Fields that can hold a contact's LinkedIn URL (Settings → Salesforce → Field mapping). One field name
 * serves both Contacts and Leads, so it must exist, writable, on both: every URL field, and custom
 * text fields. Standard text fields (Title, Department…) already mean something else.
 */
export function mappableFields(contact: Describe, lead: Describe): MappableField[] {
  const fits = (f: DescribeField) =>
    f.createable && f.updateable && f.name !== EXTERNAL_ID_FIELD && !f.externalId &&
    (f.type === 'url' || (f.type === 'string' && f.name.endsWith('__c')));
  const onLead = new Map(lead.fields.filter(fits).map((f) => [f.name, f]));
  return contact.fields
    .filter((f) => fits(f) && onLead.get(f.name)?.type === f.type)
    .map((f) => ({ name: f.name, label: f.label ?? f.name, type: f.type }))
    .sort((a, b) => (a.type === b.type ? a.label.localeCompare(b.label) : a.type === 'url' ? -1 : 1));
}
