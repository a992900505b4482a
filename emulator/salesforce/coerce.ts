import { RequestError } from './errors';
import { formatDateTime, isDate, parseDateTime } from './ids';
import type { FieldDef, Schema, SObjectDef } from './schema';

/**
 * The deserialisation step: a request body's keys become the object's field names and its values
 * the field's type. Salesforce refuses the whole request here (unknown field, wrong JSON type), before
 * any record is saved, so these are RequestErrors, not per-record errors.
 */

export type Fields = Record<string, unknown>;

const SOAP_NAMES: Partial<Record<FieldDef['type'], string>> = {
  boolean: 'boolean', int: 'int', currency: 'double', double: 'double', date: 'date', datetime: 'datetime',
};

function parserError(field: FieldDef, value: unknown): RequestError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const kind = typeof value === 'string' ? 'VALUE_STRING' : Array.isArray(value) ? 'START_ARRAY' : typeof value === 'object' ? 'START_OBJECT' : 'VALUE_TRUE';
  return new RequestError(400, 'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${SOAP_NAMES[field.type] ?? 'string'} from ${kind} value ${shown} or request may be missing a required field at [line:1, column:1]`);
}

function coerceValue(field: FieldDef, value: unknown): unknown {
  if (value === null) return null;
  switch (field.type) {
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw parserError(field, value);
    case 'int':
    case 'currency':
    case 'double': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n) || (field.type === 'int' && !Number.isInteger(n))) throw parserError(field, value);
      return n;
    }
    case 'date': {
      if (typeof value !== 'string') throw parserError(field, value);
      if (isDate(value)) return value;
      const ms = parseDateTime(value);
      if (ms === null) throw parserError(field, value);
      return new Date(ms).toISOString().slice(0, 10);
    }
    case 'datetime': {
      const ms = typeof value === 'string' ? parseDateTime(value) : null;
      if (ms === null) throw parserError(field, value);
      return formatDateTime(ms);
    }
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw parserError(field, value);
  }
}

/**
 * Maps a JSON record onto canonical field names, without `attributes` and (for updates) the
 * record's own `id`. Unknown names → INVALID_FIELD for the whole request.
 */
export function coerceRecord(schema: Schema, object: SObjectDef, body: unknown): Fields {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject from a value that is not an object at [line:1, column:1]');
  }
  const out: Fields = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = schema.field(object.name, key);
    if (!field) throw new RequestError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`);
    out[field.name] = coerceValue(field, value);
  }
  return out;
}
