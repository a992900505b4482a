import type { Fields } from './coerce';
import { RequestError, recordError, type SfError } from './errors';
import type { Org, Rec } from './org';
import type { FieldDef, SObjectDef } from './schema';

/** Upsert by an external id field: shared by the single-record and collection routes. */

export type UpsertOutcome =
  | { kind: 'saved'; record: Rec; created: boolean }
  | { kind: 'failed'; errors: SfError[] }
  /** More than one live record holds the value (a case-insensitive, non-unique field). */
  | { kind: 'multiple'; records: Rec[] };

/** The field named in an upsert URL, if it is one Salesforce upserts by (an External ID, or Id). */
export function externalIdField(org: Org, object: SObjectDef, name: string): FieldDef {
  const field = org.schema.field(object.name, name);
  if (!field || !(field.externalId || field.type === 'id')) {
    throw new RequestError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${name}`);
  }
  return field;
}

export function upsert(org: Org, object: SObjectDef, field: FieldDef, value: unknown, input: Fields): UpsertOutcome {
  if (value === null || value === undefined || value === '') {
    return { kind: 'failed', errors: [recordError('MISSING_ARGUMENT', `${field.name} not specified`)] };
  }
  const rest = { ...input };
  if (field.type === 'id') {
    delete rest.Id;
    const existing = org.get(object.name, String(value));
    if (!existing || existing.IsDeleted) return { kind: 'failed', errors: [recordError('NOT_FOUND', 'The requested resource does not exist')] };
    const result = org.update(object, String(existing.Id), rest);
    return result.ok ? { kind: 'saved', record: result.record, created: false } : { kind: 'failed', errors: result.errors };
  }
  const matches = org.findBy(object.name, field, value);
  if (matches.length > 1) return { kind: 'multiple', records: matches };
  const match = matches[0];
  if (match) {
    delete rest[field.name];
    const result = org.update(object, String(match.Id), rest);
    return result.ok ? { kind: 'saved', record: result.record, created: false } : { kind: 'failed', errors: result.errors };
  }
  const result = org.create(object, { ...rest, [field.name]: value });
  return result.ok ? { kind: 'saved', record: result.record, created: true } : { kind: 'failed', errors: result.errors };
}
