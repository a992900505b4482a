import { LIMITS } from './limits';
import type { Org } from './org';
import type { FieldDef, SObjectDef } from './schema';

/** `sobjects/{T}/describe` and the global `sobjects` list, in Salesforce's key set. */

const SOAP_TYPES: Record<FieldDef['type'], string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', email: 'xsd:string', phone: 'xsd:string', url: 'xsd:string',
  textarea: 'xsd:string', picklist: 'xsd:string', boolean: 'xsd:boolean', int: 'xsd:int', currency: 'xsd:double',
  double: 'xsd:double', date: 'xsd:date', datetime: 'xsd:dateTime', base64: 'xsd:base64Binary',
};

const NOT_NILLABLE = new Set(['IsDeleted', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById', 'OwnerId']);
const TEXT_TYPES = new Set(['string', 'email', 'phone', 'url', 'textarea', 'picklist', 'id', 'reference']);

function describeField(org: Org, object: SObjectDef, f: FieldDef): Record<string, unknown> {
  const restricted = org.restrictedPicklists.get(`${object.name}.${f.name}`);
  const values = restricted ?? f.picklist ?? [];
  const length = TEXT_TYPES.has(f.type) ? f.length ?? 0 : 0;
  const defaulted = f.defaultedOnCreate ?? f.defaultValue !== undefined;
  return {
    aggregatable: f.type !== 'textarea' && f.type !== 'base64', aiPredictionField: false, autoNumber: false,
    byteLength: length * 3, calculated: false, calculatedFormula: null, cascadeDelete: false,
    caseSensitive: f.caseSensitive ?? false, compoundFieldName: f.name === 'FirstName' || f.name === 'LastName' ? 'Name' : null,
    controllerName: null, createable: f.createable, custom: f.custom ?? false,
    defaultValue: f.defaultValue ?? null, defaultValueFormula: null, defaultedOnCreate: defaulted,
    dependentPicklist: false, deprecatedAndHidden: false, digits: f.type === 'int' ? 9 : 0,
    displayLocationInDecimal: false, encrypted: false, externalId: f.externalId ?? false, extraTypeInfo: null,
    filterable: f.type !== 'textarea' && f.type !== 'base64', filteredLookupInfo: null,
    groupable: !['textarea', 'base64', 'datetime', 'double', 'currency'].includes(f.type), highScaleNumber: false,
    htmlFormatted: false, idLookup: f.type === 'id' || f.externalId === true || f.name === 'Email', inlineHelpText: null,
    label: f.label, length, mask: null, maskType: null, name: f.name, nameField: f.nameField ?? false,
    namePointing: f.name === 'OwnerId' || f.name === 'WhoId' || f.name === 'WhatId',
    nillable: f.nillable ?? (!f.required && f.type !== 'boolean' && f.type !== 'id' && !NOT_NILLABLE.has(f.name)),
    permissionable: f.createable && !f.required && f.type !== 'boolean',
    picklistValues: values.map((value) => ({ active: true, defaultValue: f.defaultValue === value, label: value, validFor: null, value })),
    polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1, precision: f.type === 'currency' ? 18 : f.type === 'double' ? 18 : 0,
    queryByDistance: false, referenceTargetField: null, referenceTo: f.referenceTo ?? [],
    relationshipName: f.relationshipName ?? null, relationshipOrder: null, restrictedDelete: false,
    restrictedPicklist: f.type === 'picklist' && (restricted !== undefined || f.restrictedPicklist === true),
    scale: f.type === 'currency' || f.type === 'double' ? 2 : 0, searchPrefilterable: false,
    soapType: SOAP_TYPES[f.type], sortable: f.type !== 'textarea' && f.type !== 'base64',
    type: f.type, unique: f.unique ?? false, updateable: f.updateable, writeRequiresMasterRead: false,
  };
}

function urls(org: Org, object: SObjectDef, instanceUrl: string): Record<string, string> {
  const base = `${org.dataPath()}/sobjects/${object.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`, rowTemplate: `${base}/{ID}`, approvalLayouts: `${base}/describe/approvalLayouts`,
    uiDetailTemplate: `${instanceUrl}/{ID}`, uiEditTemplate: `${instanceUrl}/{ID}/e`, listviews: `${base}/listviews`,
    describe: `${base}/describe`, uiNewRecord: `${instanceUrl}/${object.keyPrefix}/e`, quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`, sobject: base,
  };
}

function objectFlags(object: SObjectDef): Record<string, unknown> {
  return {
    activateable: false, createable: object.createable, custom: false, customSetting: false,
    deletable: object.createable, deprecatedAndHidden: false, feedEnabled: object.createable,
    keyPrefix: object.keyPrefix, label: object.label, labelPlural: object.labelPlural, layoutable: true,
    mergeable: ['Account', 'Contact', 'Lead'].includes(object.name), mruEnabled: true, name: object.name, queryable: true,
    replicateable: true, retrieveable: true, searchable: true, triggerable: true, undeletable: object.createable,
    updateable: object.createable,
  };
}

export function describeObject(org: Org, object: SObjectDef, instanceUrl: string): Record<string, unknown> {
  return {
    actionOverrides: [], ...objectFlags(object), childRelationships: [], compactLayoutable: true,
    fields: object.fields.map((f) => describeField(org, object, f)), hasSubtypes: false, isInterface: false,
    isSubtype: false, listviewable: null, lookupLayoutable: null, namedLayoutInfos: [], networkScopeFieldName: null,
    recordTypeInfos: [], searchLayoutable: true, sobjectDescribeOption: 'FULL', supportedScopes: [],
    urls: urls(org, object, instanceUrl),
  };
}

export function describeGlobal(org: Org): Record<string, unknown> {
  const data = org.dataPath();
  return {
    encoding: 'UTF-8', maxBatchSize: LIMITS.describeGlobalMaxBatchSize,
    sobjects: [...org.schema.objects.values()].map((o) => ({
      ...objectFlags(o),
      urls: { sobject: `${data}/sobjects/${o.name}`, describe: `${data}/sobjects/${o.name}/describe`, rowTemplate: `${data}/sobjects/${o.name}/{ID}` },
    })),
  };
}
