import type { Context, Hono } from 'hono';
import { coerceRecord } from './coerce';
import { describeGlobal, describeObject } from './describe';
import { RequestError, notFound, topLevel } from './errors';
import { DATA_ROUTE, requestVersion } from './api-version';
import { guard, json, readJson } from './http';
import { isIdFormat } from './ids';
import { LIMITS } from './limits';
import type { Org, Rec } from './org';
import type { SObjectDef } from './schema';
import { shown } from './soql';
import { getDeleted, getUpdated } from './replication';
import type { EmulatorState } from './state';
import { externalIdField, upsert } from './upsert';

/**
 * Single-record REST: describe (with If-Modified-Since), create, read, update, delete, upsert by
 * external id, getDeleted and getUpdated, at every served version.
 */

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

/** An HTTP date (If-Modified-Since) in ms, or null when absent or not a date (then ignored). */
function httpDate(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Describe and Describe Global honour If-Modified-Since: 304 with no body when the metadata has not
 * changed since then (LIMITS.describeHonoursIfModifiedSince). The 304 still counts as an API call
 * (LIMITS.notModifiedCounts): the gate counted it before the route ran. Last-Modified tells the
 * client the date to send next time.
 */
function conditional(c: Context, changedAt: number, answer: () => unknown): Response {
  c.header('Last-Modified', new Date(changedAt).toUTCString());
  const since = httpDate(c.req.header('If-Modified-Since'));
  if (since !== null && changedAt <= since) return c.body(null, 304);
  return json(c, 200, answer());
}

export function registerSObjects(app: Hono, state: EmulatorState): void {
  const { org } = state;
  const base = `${DATA_ROUTE}/sobjects`;
  const objectOf = (c: Context): SObjectDef => org.objectOrThrow(param(c, 'type'));
  const global = guard((c) => conditional(c, org.schema.latestChange(), () => describeGlobal(org)));

  app.get(base, global);
  app.get(`${base}/`, global);
  for (const suffix of ['describe', 'describe/']) {
    app.get(`${base}/:type/${suffix}`, guard((c) => {
      const object = objectOf(c);
      return conditional(c, org.schema.metadataChangedAt(object.name), () => describeObject(org, object, state.url));
    }));
  }
  for (const suffix of ['deleted', 'deleted/']) {
    app.get(`${base}/:type/${suffix}`, guard((c) => getDeleted(c, org, objectOf(c))));
  }
  for (const suffix of ['updated', 'updated/']) {
    app.get(`${base}/:type/${suffix}`, guard((c) => getUpdated(c, org, objectOf(c))));
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
    // 201 created; 200 with a body when updated from 46.0, 204 without one before (LIMITS.upsertBodyOnUpdateSince).
    const since46 = requestVersion(org.newestVersion) >= LIMITS.upsertBodyOnUpdateSince;
    if (outcome.created) c.header('Location', org.recordUrl(object.name, String(outcome.record.Id)));
    if (!outcome.created && !since46) return c.body(null, 204);
    return json(c, outcome.created ? 201 : 200, { id: outcome.record.Id, success: true, errors: [], ...(since46 ? { created: outcome.created } : {}) });
  }));
}
