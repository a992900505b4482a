import { recordError, type SfError } from './errors';
import type { Fields } from './coerce';
import { isIdFormat } from './ids';
import type { Org, Rec } from './org';
import type { FieldDef, SObjectDef } from './schema';

/**
 * The save-time checks Salesforce runs per record, in its order: field access, values, references,
 * required fields, then object rules. Each returns the record's errors; empty means it may be saved.
 */

export interface WriteContext {
  org: Org;
  object: SObjectDef;
  input: Fields;
  /** The stored record on update; undefined on create. */
  existing?: Rec;
  /** A write "from inside Salesforce" (emulator.insert/update): read-only fields allowed. */
  trusted: boolean;
}

function access({ object, input, existing, trusted }: WriteContext): SfError[] {
  if (trusted) return [];
  const denied = Object.keys(input).filter((name) => {
    const field = object.fields.find((f) => f.name === name);
    return !field || (existing ? !field.updateable : !field.createable);
  });
  if (denied.length === 0) return [];
  if (!existing && denied.includes('Id')) return [recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id'])];
  return [recordError('INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${denied.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    denied)];
}

function valueError(ctx: WriteContext, field: FieldDef, value: unknown): SfError | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (field.length && typeof value === 'string' && field.type !== 'picklist' && field.type !== 'reference' && text.length > field.length) {
    return recordError('STRING_TOO_LONG', `${field.label}: data value too large: ${text.slice(0, 80)} (max length=${field.length})`, [field.name]);
  }
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
    return recordError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [field.name]);
  }
  if (field.type === 'picklist') {
    const restricted = ctx.org.restrictedValues(ctx.object.name, field);
    if (restricted && !restricted.includes(text)) {
      return recordError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${text}`, [field.name]);
    }
  }
  if (field.type === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s/g, ''))) {
    return recordError('INVALID_FIELD', `${field.label}: value not of required type: base64`, [field.name]);
  }
  if (field.type === 'reference') return referenceError(ctx, field, text);
  return null;
}

/** MALFORMED_ID for a non-id, FIELD_INTEGRITY_EXCEPTION for an id of the wrong object, then existence. */
function referenceError({ org }: WriteContext, field: FieldDef, id: string): SfError | null {
  if (!isIdFormat(id)) return recordError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
  const target = org.schema.objectForId(id);
  if (!target || !(field.referenceTo ?? []).includes(target.name)) {
    return recordError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
  }
  const found = org.get(target.name, id);
  if (!found) return recordError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
  if (found.IsDeleted === true) return recordError('ENTITY_IS_DELETED', 'entity is deleted', []);
  return null;
}

function values(ctx: WriteContext): SfError[] {
  for (const [name, value] of Object.entries(ctx.input)) {
    const field = ctx.object.fields.find((f) => f.name === name);
    const error = field ? valueError(ctx, field, value) : null;
    if (error) return [error];
  }
  return [];
}

function required({ object, input, existing }: WriteContext): SfError[] {
  const missing = object.fields.filter((f) => {
    if (!f.required) return false;
    const value = f.name in input ? input[f.name] : existing?.[f.name];
    return value === null || value === undefined || value === '';
  }).map((f) => f.name);
  return missing.length ? [recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing)] : [];
}

/** Object rules: converted leads are frozen; a task about a lead cannot also be related to a record. */
function objectRules({ org, object, input, existing, trusted }: WriteContext): SfError[] {
  if (object.name === 'Lead' && existing?.IsConverted === true && !trusted) {
    return [recordError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead')];
  }
  if (object.name === 'Task') {
    const who = ('WhoId' in input ? input.WhoId : existing?.WhoId) as string | null | undefined;
    const what = ('WhatId' in input ? input.WhatId : existing?.WhatId) as string | null | undefined;
    if (who && what && org.schema.objectForId(who)?.name === 'Lead') {
      return [recordError('FIELD_INTEGRITY_EXCEPTION', 'Related To ID: You can\'t relate a task to a record when its Name is a lead. Clear Related To or choose a contact.', ['WhatId'])];
    }
  }
  return [];
}

/** Unique external ids: another live record holding the same value (case rules of the field). */
function uniqueness({ org, object, input, existing }: WriteContext): SfError[] {
  for (const field of object.fields) {
    const value = input[field.name];
    if (!field.unique || value === null || value === undefined) continue;
    const other = org.findBy(object.name, field, value).find((r) => r.Id !== existing?.Id);
    if (other) return [recordError('DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${String(other.Id)}`)];
  }
  return [];
}

/** The duplicate-rule fault: a create whose field matches a live record's, ignoring case. */
function duplicateRule({ org, object, input, existing }: WriteContext): SfError[] {
  const fieldName = org.duplicateRules.get(object.name);
  const value = fieldName ? input[fieldName] : undefined;
  if (existing || !fieldName || value === null || value === undefined) return [];
  const field = object.fields.find((f) => f.name === fieldName);
  const matches = field ? org.findBy(object.name, { ...field, caseSensitive: false }, value) : [];
  if (matches.length === 0) return [];
  const message = 'Use one of these records?';
  return [{
    statusCode: 'DUPLICATES_DETECTED', message, fields: [],
    duplicateResult: {
      allowSave: false,
      duplicateRule: `Standard_${object.name}_Duplicate_Rule`,
      duplicateRuleEntityType: object.name,
      errorMessage: message,
      matchResults: [{
        entityType: object.name, errors: [], matchEngine: 'ExactMatchEngine',
        matchRecords: matches.map((r) => ({
          additionalInformation: [], fieldDiffs: [], matchConfidence: 100.0,
          record: { attributes: { type: object.name, url: org.recordUrl(object.name, String(r.Id)) }, Id: r.Id },
        })),
        rule: `Standard_${object.name}_Match_Rule_v1_0`, size: matches.length, success: true,
      }],
    },
  }];
}

const CHECKS = [access, values, required, objectRules, uniqueness, duplicateRule];

export function validateWrite(ctx: WriteContext): SfError[] {
  for (const check of CHECKS) {
    const errors = check(ctx);
    if (errors.length) return errors;
  }
  return [];
}
