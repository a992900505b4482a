import { parseQuery, type FieldType as SelectField, type Query } from '@jetstreamapp/soql-parser-js';
import { RequestError } from './errors';
import type { Org, Rec } from './org';
import type { FieldDef, SObjectDef } from './schema';
import { checkSoqlLimits } from './soql-limits';
import { comparable, compare, wherePredicate } from './soql-where';

/**
 * SOQL against the in-memory org: SELECT fields (and one level of parent fields such as
 * Account.Name), COUNT(), FROM, WHERE, ORDER BY, LIMIT and OFFSET.
 */

export interface QueryResult {
  totalSize: number;
  records: Array<Record<string, unknown>>;
}

/** Salesforce's INVALID_FIELD text, with the caret under the bad name. */
function noSuchColumn(soql: string, name: string, object: string): RequestError {
  const at = Math.max(0, soql.indexOf(name));
  return new RequestError(400, 'INVALID_FIELD',
    `\n${soql}\n${' '.repeat(at)}^\nERROR at Row:1:Column:${at + 1}\nNo such column '${name}' on entity '${object}'. ` +
    "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. " +
    'Please reference your WSDL or the describe call for the appropriate names.');
}

function parse(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : 'unexpected token';
    throw new RequestError(400, 'MALFORMED_QUERY', `\n${soql}\n^\nERROR at Row:1:Column:1\n${detail}`);
  }
}

interface Column {
  /** Output key: the field name, or the relationship name for a parent field. */
  key: string;
  field: FieldDef;
  parent?: { object: SObjectDef; field: FieldDef };
}

export function runQuery(org: Org, soql: string, includeDeleted: boolean): QueryResult {
  checkSoqlLimits(soql);
  const query = parse(soql);
  const object = query.sObject ? org.schema.object(query.sObject) : undefined;
  if (!object) {
    throw new RequestError(400, 'INVALID_TYPE',
      `\n${soql}\n^\nERROR at Row:1:Column:1\nsObject type '${query.sObject ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  const lookup = (name: string): FieldDef => {
    const field = org.schema.field(object.name, name);
    if (!field) throw noSuchColumn(soql, name, object.name);
    return field;
  };
  let counting = false;
  const columns: Column[] = [];
  for (const selected of query.fields ?? []) columns.push(...column(org, soql, object, selected, lookup, () => (counting = true)));
  if (counting && columns.length > 0) throw new RequestError(400, 'MALFORMED_QUERY', 'COUNT() cannot be combined with other fields');

  const matches = wherePredicate(query.where, lookup);
  let rows = [...org.table(object.name).values()]
    .filter((r) => includeDeleted || r.IsDeleted !== true)
    .filter((r) => matches((name) => r[name]));
  rows = sort(rows, query, lookup);
  if (query.offset) rows = rows.slice(query.offset);
  if (query.limit !== undefined) rows = rows.slice(0, query.limit);
  if (counting) return { totalSize: rows.length, records: [] };
  return { totalSize: rows.length, records: rows.map((r) => render(org, object, r, columns)) };
}

function column(org: Org, soql: string, object: SObjectDef, selected: SelectField, lookup: (n: string) => FieldDef, onCount: () => void): Column[] {
  if (selected.type === 'Field') {
    const field = lookup(selected.field);
    return [{ key: field.name, field }];
  }
  if (selected.type === 'FieldFunctionExpression' && selected.functionName.toUpperCase() === 'COUNT' && selected.parameters.length === 0) {
    onCount();
    return [];
  }
  if (selected.type === 'FieldRelationship' && selected.relationships.length === 1) {
    const relationship = selected.relationships[0] ?? '';
    const via = object.fields.find((f) => f.relationshipName?.toLowerCase() === relationship.toLowerCase());
    const parentObject = via?.referenceTo?.length === 1 ? org.schema.object(via.referenceTo[0] ?? '') : undefined;
    const parentField = parentObject ? org.schema.field(parentObject.name, selected.field) : undefined;
    if (!via || !parentObject || !parentField) throw noSuchColumn(soql, selected.rawValue ?? selected.field, object.name);
    return [{ key: via.relationshipName ?? relationship, field: via, parent: { object: parentObject, field: parentField } }];
  }
  throw new RequestError(400, 'MALFORMED_QUERY', `The emulator does not support this select item: ${JSON.stringify(selected)}`);
}

function sort(rows: Rec[], query: Query, lookup: (n: string) => FieldDef): Rec[] {
  const orderBy = query.orderBy ?? [];
  const orders = (Array.isArray(orderBy) ? orderBy : [orderBy]).map((o) => {
    if (!('field' in o) || !o.field) throw new RequestError(400, 'MALFORMED_QUERY', 'The emulator orders by plain fields only');
    const descending = o.order === 'DESC';
    return { field: lookup(o.field), descending, nullsFirst: o.nulls ? o.nulls === 'FIRST' : !descending };
  });
  if (orders.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const { field, descending, nullsFirst } of orders) {
      const x = comparable(field, a[field.name]);
      const y = comparable(field, b[field.name]);
      if (x === null && y === null) continue;
      if (x === null || y === null) return (x === null) === nullsFirst ? -1 : 1;
      const order = compare(field, x, y);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

/** Values as the API shows them: ContentNote.Content becomes the URL of its body. */
export function shown(org: Org, object: string, record: Rec, field: string): unknown {
  const value = record[field];
  if (object === 'ContentNote' && field === 'Content' && value != null) return `${org.recordUrl(object, String(record.Id))}/Content`;
  return value ?? null;
}

function render(org: Org, object: SObjectDef, record: Rec, columns: Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: { type: object.name, url: org.recordUrl(object.name, String(record.Id)) } };
  for (const { key, field, parent } of columns) {
    if (!parent) {
      out[key] = shown(org, object.name, record, field.name);
      continue;
    }
    const parentId = record[field.name];
    const parentRecord = typeof parentId === 'string' ? org.get(parent.object.name, parentId) : undefined;
    if (!parentRecord) {
      out[key] = null;
      continue;
    }
    const nested = (out[key] as Record<string, unknown> | null | undefined) ?? {
      attributes: { type: parent.object.name, url: org.recordUrl(parent.object.name, String(parentRecord.Id)) },
    };
    nested[parent.field.name] = shown(org, parent.object.name, parentRecord, parent.field.name);
    out[key] = nested;
  }
  return out;
}
