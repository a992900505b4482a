/**
 * The emulated org's objects and fields: the standard ones Sidecar touches, with Salesforce's
 * names, types, lengths and picklist values, plus the custom fields an admin adds for Sidecar.
 */

export type FieldType =
  | 'id' | 'string' | 'email' | 'phone' | 'url' | 'textarea' | 'picklist' | 'boolean'
  | 'int' | 'currency' | 'double' | 'date' | 'datetime' | 'reference' | 'base64';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  /** Must be given on create (nillable false, no default). */
  required?: boolean;
  createable: boolean;
  updateable: boolean;
  /** Salesforce fills it when the create leaves it out. */
  defaultValue?: string | boolean | null;
  defaultedOnCreate?: boolean;
  picklist?: string[];
  restrictedPicklist?: boolean;
  referenceTo?: string[];
  relationshipName?: string;
  externalId?: boolean;
  unique?: boolean;
  caseSensitive?: boolean;
  custom?: boolean;
  nameField?: boolean;
  /** Describe's `nillable` when it is not simply "not required" (defaulted required fields). */
  nillable?: boolean;
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldDef[];
  createable: boolean;
}

const text = (name: string, label: string, length: number, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type: 'string', length, createable: true, updateable: true, ...extra });
const typed = (name: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type, createable: true, updateable: true, ...extra });
const readOnly = (name: string, label: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type, createable: false, updateable: false, defaultedOnCreate: true, ...extra });
const picklist = (name: string, label: string, values: string[], extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type: 'picklist', length: 255, picklist: values, createable: true, updateable: true, ...extra });
const lookup = (name: string, label: string, referenceTo: string[], relationshipName: string, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label, type: 'reference', length: 18, referenceTo, relationshipName, createable: true, updateable: true, ...extra });

/**
 * The custom field the admin adds for Sidecar on Account, Contact, Lead, Opportunity and Task, as
 * Sidecar's setup guide tells them to: Text(26), External ID, Unique (case-sensitive). It holds
 * Sidecar's ULID. The emulator keeps its own copy of the name, as an org would.
 */
export const SIDECAR_ID_FIELD = 'Sidecar_Id__c';

const sidecarId = (): FieldDef =>
  text(SIDECAR_ID_FIELD, 'Sidecar Id', 26, { externalId: true, unique: true, caseSensitive: true, custom: true });
/** Text(40), External ID, not unique, case-insensitive: an id from a CRM the org migrated from. */
const legacyId = (): FieldDef => text('Legacy_Id__c', 'Legacy Id', 40, { externalId: true, custom: true });
const linkedInUrl = (): FieldDef => typed('LinkedIn_URL__c', 'LinkedIn URL', 'url', { length: 255, custom: true });

/** Id, owner and audit fields every record carries. */
function system(label: string, owned = true): FieldDef[] {
  return [
    readOnly('Id', `${label} ID`, 'id', { length: 18 }),
    ...(owned ? [lookup('OwnerId', 'Owner ID', ['User'], 'Owner', { defaultedOnCreate: true })] : []),
    readOnly('IsDeleted', 'Deleted', 'boolean', { defaultValue: false }),
    readOnly('CreatedDate', 'Created Date', 'datetime'),
    readOnly('CreatedById', 'Created By ID', 'reference', { length: 18, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
    readOnly('LastModifiedDate', 'Last Modified Date', 'datetime'),
    readOnly('LastModifiedById', 'Last Modified By ID', 'reference', { length: 18, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
    readOnly('SystemModstamp', 'System Modstamp', 'datetime'),
  ];
}

const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction', 'Consulting',
  'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental', 'Finance', 'Food & Beverage',
  'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery', 'Manufacturing', 'Media', 'Not For Profit',
  'Recreation', 'Retail', 'Shipping', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other',
];
const ACCOUNT_TYPES = [
  'Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner',
  'Technology Partner', 'Competitor', 'Other',
];
const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];

/** Stage → [probability, forecast category]: the standard sales process. */
export const STAGES: Record<string, [number, string]> = {
  'Prospecting': [10, 'Pipeline'],
  'Qualification': [10, 'Pipeline'],
  'Needs Analysis': [20, 'Pipeline'],
  'Value Proposition': [50, 'Pipeline'],
  'Id. Decision Makers': [60, 'Pipeline'],
  'Perception Analysis': [70, 'Pipeline'],
  'Proposal/Price Quote': [75, 'Pipeline'],
  'Negotiation/Review': [90, 'Commit'],
  'Closed Won': [100, 'Closed'],
  'Closed Lost': [0, 'Omitted'],
};

const PERSON_NAME = [
  text('FirstName', 'First Name', 40),
  text('LastName', 'Last Name', 80, { required: true }),
  readOnly('Name', 'Full Name', 'string', { length: 121, nameField: true }),
];

function objects(sharedActivities: boolean): SObjectDef[] {
  const list: SObjectDef[] = [
    { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', createable: true, fields: [
      ...system('Account'), text('Name', 'Account Name', 255, { required: true, nameField: true }),
      text('AccountNumber', 'Account Number', 40), typed('Website', 'Website', 'url', { length: 255 }),
      picklist('Industry', 'Industry', INDUSTRIES),
      typed('NumberOfEmployees', 'Employees', 'int'), text('BillingCity', 'Billing City', 40),
      text('BillingCountry', 'Billing Country', 80), picklist('Type', 'Account Type', ACCOUNT_TYPES),
      typed('Description', 'Account Description', 'textarea', { length: 32000 }), sidecarId(), legacyId(),
    ] },
    { name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003', createable: true, fields: [
      ...system('Contact'), ...PERSON_NAME, text('Title', 'Title', 128), typed('Email', 'Email', 'email', { length: 80 }),
      typed('Phone', 'Business Phone', 'phone', { length: 40 }), lookup('AccountId', 'Account ID', ['Account'], 'Account'),
      sidecarId(), legacyId(), linkedInUrl(),
    ] },
    { name: 'Lead', label: 'Lead', labelPlural: 'Leads', keyPrefix: '00Q', createable: true, fields: [
      ...system('Lead'), ...PERSON_NAME, text('Company', 'Company', 255, { required: true }), text('Title', 'Title', 128),
      typed('Email', 'Email', 'email', { length: 80 }), typed('Phone', 'Phone', 'phone', { length: 40 }),
      picklist('Status', 'Status', LEAD_STATUSES, { defaultValue: 'Open - Not Contacted', defaultedOnCreate: true, nillable: false }),
      typed('IsConverted', 'Converted', 'boolean', { updateable: false, defaultValue: false, defaultedOnCreate: true }),
      sidecarId(), linkedInUrl(),
    ] },
    { name: 'Opportunity', label: 'Opportunity', labelPlural: 'Opportunities', keyPrefix: '006', createable: true, fields: [
      ...system('Opportunity'), text('Name', 'Name', 120, { required: true, nameField: true }),
      picklist('StageName', 'Stage', Object.keys(STAGES), { required: true }),
      typed('CloseDate', 'Close Date', 'date', { required: true }), typed('Amount', 'Amount', 'currency'),
      lookup('AccountId', 'Account ID', ['Account'], 'Account'),
      picklist('ForecastCategoryName', 'Forecast Category', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], { defaultedOnCreate: true, nillable: false }),
      typed('Probability', 'Probability (%)', 'double', { defaultedOnCreate: true }),
      readOnly('IsClosed', 'Closed', 'boolean'), readOnly('IsWon', 'Won', 'boolean'), sidecarId(),
    ] },
    { name: 'Task', label: 'Task', labelPlural: 'Tasks', keyPrefix: '00T', createable: true, fields: [
      ...system('Activity'), text('Subject', 'Subject', 255),
      picklist('TaskSubtype', 'Task Subtype', ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'], { restrictedPicklist: true, updateable: false, defaultedOnCreate: true }),
      picklist('Status', 'Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], { defaultValue: 'Not Started', defaultedOnCreate: true, nillable: false }),
      picklist('Priority', 'Priority', ['High', 'Normal', 'Low'], { defaultValue: 'Normal', defaultedOnCreate: true, nillable: false }),
      typed('ActivityDate', 'Due Date Only', 'date'), typed('Description', 'Description', 'textarea', { length: 32000 }),
      lookup('WhoId', 'Name ID', ['Contact', 'Lead'], 'Who'),
      lookup('WhatId', 'Related To ID', ['Account', 'Opportunity'], 'What'),
      readOnly('IsClosed', 'Closed', 'boolean'), sidecarId(),
    ] },
    { name: 'ContentNote', label: 'Note', labelPlural: 'Notes', keyPrefix: '069', createable: true, fields: [
      ...system('Content Document'), text('Title', 'Title', 255, { required: true, nameField: true }),
      typed('Content', 'Content', 'base64'), readOnly('TextPreview', 'Text Preview', 'string', { length: 300 }),
    ] },
    { name: 'ContentDocumentLink', label: 'Content Document Link', labelPlural: 'Content Document Links', keyPrefix: '06A', createable: true, fields: [
      ...system('Content Document Link'), lookup('ContentDocumentId', 'ContentDocument ID', ['ContentNote'], 'ContentDocument', { required: true, updateable: false }),
      lookup('LinkedEntityId', 'Linked Entity ID', ['Account', 'Contact', 'Lead', 'Opportunity', 'User'], 'LinkedEntity', { required: true, updateable: false }),
      picklist('ShareType', 'Share Type', ['V', 'C', 'I'], { restrictedPicklist: true, defaultValue: 'V', defaultedOnCreate: true }),
      picklist('Visibility', 'Visibility', ['AllUsers', 'InternalUsers', 'SharedUsers'], { restrictedPicklist: true, defaultValue: 'AllUsers', defaultedOnCreate: true }),
    ] },
    { name: 'User', label: 'User', labelPlural: 'Users', keyPrefix: '005', createable: false, fields: [
      ...system('User', false), text('Username', 'Username', 80, { createable: false }),
      ...PERSON_NAME.map((f) => ({ ...f, createable: false, updateable: false })),
      typed('Email', 'Email', 'email', { length: 128, createable: false }), readOnly('IsActive', 'Active', 'boolean'),
    ] },
  ];
  if (sharedActivities) {
    list.push({ name: 'TaskRelation', label: 'Task Relation', labelPlural: 'Task Relations', keyPrefix: '0RT', createable: true, fields: [
      ...system('Task Relation'), lookup('TaskId', 'Task ID', ['Task'], 'Task', { required: true, updateable: false }),
      lookup('RelationId', 'Relation ID', ['Account', 'Contact', 'Lead', 'Opportunity'], 'Relation', { required: true, updateable: false }),
      typed('IsWhat', 'Is What', 'boolean', { updateable: false, defaultValue: false, defaultedOnCreate: true }),
    ] });
  }
  return list;
}

/** The org's catalogue: look objects up by exact name, fields case-insensitively like Salesforce. */
export class Schema {
  readonly objects: Map<string, SObjectDef>;
  private readonly fieldIndex = new Map<string, Map<string, FieldDef>>();
  /**
   * When each object's metadata last changed, for describe's If-Modified-Since. HTTP dates carry
   * whole seconds, so stamps are whole seconds and each change gets a later second than any change
   * before it, on any object: a client holding the previous Last-Modified (of the object, or of
   * Describe Global) always sees the change.
   */
  private readonly changedAt = new Map<string, number>();

  constructor(sharedActivities: boolean, createdAt = Date.now()) {
    this.objects = new Map(objects(sharedActivities).map((o) => [o.name, o]));
    for (const o of this.objects.values()) {
      this.fieldIndex.set(o.name, new Map(o.fields.map((f) => [f.name.toLowerCase(), f])));
      this.changedAt.set(o.name, Math.floor(createdAt / 1000) * 1000);
    }
  }

  metadataChangedAt(object: string): number {
    return this.changedAt.get(object) ?? 0;
  }

  /** The latest metadata change across every object (Describe Global's If-Modified-Since). */
  latestChange(): number {
    return Math.max(0, ...this.changedAt.values());
  }

  /** Marks an object's metadata as changed now (an admin edited a field, a layout, a picklist). */
  touch(object: string, at = Date.now()): void {
    if (!this.objects.has(object)) throw new Error(`No object ${object}`);
    this.changedAt.set(object, Math.max(Math.ceil(at / 1000) * 1000, this.latestChange() + 1000));
  }

  /** Adds a field, as an admin adding a custom field in Setup would; the object's metadata changes. */
  addField(object: string, field: FieldDef): FieldDef {
    const def = this.objects.get(object);
    const index = this.fieldIndex.get(object);
    if (!def || !index) throw new Error(`No object ${object}`);
    if (index.has(field.name.toLowerCase())) throw new Error(`${object} already has a field ${field.name}`);
    def.fields.push(field);
    index.set(field.name.toLowerCase(), field);
    this.touch(object);
    return field;
  }

  object(name: string): SObjectDef | undefined {
    return this.objects.get(name) ?? [...this.objects.values()].find((o) => o.name.toLowerCase() === name.toLowerCase());
  }

  field(object: string, name: string): FieldDef | undefined {
    return this.fieldIndex.get(object)?.get(name.toLowerCase());
  }

  /** The object whose key prefix starts this id. */
  objectForId(id: string): SObjectDef | undefined {
    const prefix = id.slice(0, 3);
    return [...this.objects.values()].find((o) => o.keyPrefix === prefix);
  }
}
