import type { Context, Hono } from 'hono';
import { coerceRecord } from './coerce';
import { describeGlobal, describeObject } from './describe';
import { RequestError, notFound, topLevel } from './errors';
import { DATA_PATH, guard, json, readJson } from './http';
import { formatDateTime, isIdFormat, parseDateTime } from './ids';
import type { Org, Rec } from './org';
import type { SObjectDef } from './schema';
import { shown } from './soql';
import type { EmulatorState } from './state';
import { externalIdField, upsert } from './upsert';

/** Single-record REST: describe, create, read, update, delete, upsert by external id, getDeleted. */

const DELETED_WINDOW_MS = 15 * 86_400_000;

function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}

/** A live record of this object by URL id: 404 in Salesforce's two shapes otherwise. */
function live(org: Org, object: SObjectDef, id: string): Rec {
  if (!isIdFormat(id)) throw new RequestError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);
  const record = org.schema.objectForId(id)?.name === object.name ? org.get(object.name, id) : undefined;
  if (!record) throw notFound();
  if (record.IsDeleted) throw new RequestError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
  return record;
}

function view(org: Org, object: SObjectDef, record: Rec, fields?: string): Record<string, unknown> {
  const names = fields
    ? fields.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
      const field = org.schema.field(object.name, n);
      if (!field) throw new RequestError(400, 'INVALID_FIELD', `No such column '${n}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
      return field.name;
    })
    : object.fields.map((f) => f.name);
  const out: Record<string, unknown> = { attributes: { type: object.name, url: org.recordUrl(object.name, String(record.Id)) } };
  for (const name of names) out[name] = shown(org, object.name, record, name);
  if (fields) out.Id = record.Id;
  return out;
}

function deleted(c: Context, org: Org, object: SObjectDef): Response {
  const start = parseDateTime(c.req.query('start') ?? '');
  const end = parseDateTime(c.req.query('end') ?? '');
  const now = Date.now();
  const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;
  const earliest = minute(now - DELETED_WINDOW_MS);
  if (start === null || end === null) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'start and end must be dateTime values such as 2026-12-04T10:11:12+00:00');
  if (start >= end) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'EndDate before StartDate');
  if (start < earliest) throw new RequestError(400, 'INVALID_REPLICATION_DATE', 'startDate before org replication enabled date');
  const records = [...org.table(object.name).values()].filter((r) => {
    const at = r.IsDeleted === true ? parseDateTime(String(r.SystemModstamp)) : null;
    return at !== null && at >= start && at <= end;
  });
  return json(c, 200, {
    deletedRecords: records.map((r) => ({ id: r.Id, deletedDate: r.SystemModstamp })),
    earliestDateAvailable: formatDateTime(earliest),
    latestDateCovered: formatDateTime(minute(Math.min(end, now))),
  });
}

export function registerSObjects(app: Hono, state: EmulatorState): void {
  const { org } = state;
  const base = `${DATA_PATH}/sobjects`;
  const objectOf = (c: Context): SObjectDef => org.objectOrThrow(param(c, 'type'));

  app.get(base, guard((c) => json(c, 200, describeGlobal(org))));
  app.get(`${base}/`, guard((c) => json(c, 200, describeGlobal(org))));
  for (const suffix of ['describe', 'describe/']) {
    app.get(`${base}/:type/${suffix}`, guard((c) => json(c, 200, describeObject(org, objectOf(c), state.url))));
  }
  for (const suffix of ['deleted', 'deleted/']) {
    app.get(`${base}/:type/${suffix}`, guard((c) => deleted(c, org, objectOf(c))));
  }
  app.get(`${base}/:type`, guard((c) => {
    const object = objectOf(c);
    const described = describeObject(org, object, state.url);
    delete described.fields;
    return json(c, 200, { objectDescribe: described, recentItems: [] });
  }));

  app.post(`${base}/:type`, guard(async (c) => {
    const object = objectOf(c);
    const input = coerceRecord(org.schema, object, await readJson(c));
    const result = org.create(object, input);
    if (!result.ok) return json(c, 400, result.errors.map(topLevel));
    c.header('Location', org.recordUrl(object.name, String(result.record.Id)));
    return json(c, 201, { id: result.record.Id, success: true, errors: [] });
  }));

  app.get(`${base}/:type/:id/Content`, guard((c) => {
    const object = objectOf(c);
    const record = live(org, object, param(c, 'id'));
    if (object.name !== 'ContentNote' || typeof record.Content !== 'string') throw notFound();
    return c.body(Buffer.from(record.Content, 'base64'), 200, { 'Content-Type': 'text/plain;charset=UTF-8' });
  }));

  app.get(`${base}/:type/:id`, guard((c) => {
    const object = objectOf(c);
    return json(c, 200, view(org, object, live(org, object, param(c, 'id')), c.req.query('fields')));
  }));

  app.patch(`${base}/:type/:id`, guard(async (c) => {
    const object = objectOf(c);
    const record = live(org, object, param(c, 'id'));
    const input = coerceRecord(org.schema, object, await readJson(c));
    const result = org.update(object, String(record.Id), input);
    if (!result.ok) return json(c, 400, result.errors.map(topLevel));
    return c.body(null, 204);
  }));

  app.delete(`${base}/:type/:id`, guard((c) => {
    const object = objectOf(c);
    const record = live(org, object, param(c, 'id'));
    const error = org.remove(object, String(record.Id));
    if (error) return json(c, 400, [topLevel(error)]);
    return c.body(null, 204);
  }));

  app.get(`${base}/:type/:field/:value`, guard((c) => {
    const object = objectOf(c);
    const field = externalIdField(org, object, param(c, 'field'));
    const matches = org.findBy(object.name, field, param(c, 'value'));
    if (matches.length > 1) return json(c, 300, matches.map((r) => org.recordUrl(object.name, String(r.Id))));
    const [match] = matches;
    if (!match) throw notFound();
    return json(c, 200, view(org, object, match, c.req.query('fields')));
  }));

  app.patch(`${base}/:type/:field/:value`, guard(async (c) => {
    const object = objectOf(c);
    const field = externalIdField(org, object, param(c, 'field'));
    const input = coerceRecord(org.schema, object, await readJson(c));
    const outcome = upsert(org, object, field, param(c, 'value'), input);
    if (outcome.kind === 'multiple') return json(c, 300, outcome.records.map((r) => org.recordUrl(object.name, String(r.Id))));
    if (outcome.kind === 'failed') return json(c, 400, outcome.errors.map(topLevel));
    if (outcome.created) c.header('Location', org.recordUrl(object.name, String(outcome.record.Id)));
    return json(c, outcome.created ? 201 : 200, { id: outcome.record.Id, success: true, errors: [], created: outcome.created });
  }));
}
