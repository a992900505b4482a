import type { Context, Hono, MiddlewareHandler } from 'hono';
import { DATA_ROUTE, requestVersion } from './api-version';
import { coerceRecord, type Fields } from './coerce';
import { notFound, RequestError, ROLLED_BACK, recordError, type SfError } from './errors';
import { guard, json, readJson } from './http';
import { LIMITS, MESSAGES } from './limits';
import type { Org } from './org';
import type { SObjectDef } from './schema';
import type { EmulatorState } from './state';
import { externalIdField, upsert } from './upsert';

/**
 * sObject Collections: create, update, delete and upsert up to LIMITS.collectionRecords records in
 * one call, each with its own result in input order. With allOrNone, one failure rolls every record
 * back. Served from LIMITS.collectionsSince (upsert from LIMITS.collectionUpsertSince); an older
 * version has no such resource (404).
 */

type Result = { id?: unknown; success: boolean; errors: SfError[]; created?: boolean };
type Job = { object: SObjectDef; input: Fields };

function readCollection(body: unknown): { allOrNone: boolean; records: unknown[] } {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { records?: unknown }).records)) {
    throw new RequestError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize the request: expected {"allOrNone": boolean, "records": [...]} at [line:1, column:1]');
  }
  const { allOrNone, records } = body as { allOrNone?: unknown; records: unknown[] };
  if (records.length > LIMITS.collectionRecords) throw new RequestError(400, 'EXCEEDED_ID_LIMIT', MESSAGES.collectionTooMany);
  return { allOrNone: allOrNone === true, records };
}

function typeOf(org: Org, record: unknown, fallback?: SObjectDef): SObjectDef {
  const type = (record as { attributes?: { type?: unknown } } | null)?.attributes?.type;
  if (type === undefined && fallback) return fallback;
  const object = typeof type === 'string' ? org.schema.object(type) : undefined;
  if (!object) throw new RequestError(400, 'INVALID_TYPE', typeof type === 'string' ? `sObject type '${type}' is not supported.` : 'Must send a concrete entity type.');
  return object;
}

/** Runs each job; with allOrNone and any failure, puts the org back and marks the rest rolled back. */
function run(org: Org, allOrNone: boolean, jobs: Array<() => Result>): Result[] {
  // A copy of the org only when it may be needed: taken for every call, it made each call cost the org's size.
  const restore = allOrNone ? org.snapshot() : null;
  const results = jobs.map((job) => job());
  if (!restore || results.every((r) => r.success)) return results;
  restore();
  return results.map((r) => (r.success ? { success: false, errors: [ROLLED_BACK] } : r));
}

const saved = (id: unknown, created?: boolean): Result => ({ id, success: true, errors: [], ...(created === undefined ? {} : { created }) });
const failed = (errors: SfError[], id?: unknown): Result => ({ ...(id === undefined ? {} : { id }), success: false, errors });

/** A resource added in API version `since`: not there (404) when the request names an older one. */
function requireVersion(org: Org, since: number): void {
  if (requestVersion(org.newestVersion) < since) throw notFound();
}

export function registerCollections(app: Hono, state: EmulatorState): void {
  const { org } = state;
  const base = `${DATA_ROUTE}/composite/sobjects`;
  const since42: MiddlewareHandler = async (_c, next) => {
    requireVersion(org, LIMITS.collectionsSince);
    await next();
  };
  app.use(base, since42);
  app.use(`${base}/*`, since42);

  app.post(base, guard(async (c) => {
    const { allOrNone, records } = readCollection(await readJson(c));
    const jobs: Job[] = records.map((r) => {
      const object = typeOf(org, r);
      return { object, input: coerceRecord(org.schema, object, r) };
    });
    return json(c, 200, run(org, allOrNone, jobs.map(({ object, input }) => () => {
      const result = org.create(object, input);
      return result.ok ? saved(result.record.Id) : failed(result.errors);
    })));
  }));

  app.patch(base, guard(async (c) => {
    const { allOrNone, records } = readCollection(await readJson(c));
    const jobs = records.map((r) => {
      const object = typeOf(org, r);
      const { Id: id, ...input } = coerceRecord(org.schema, object, r);
      return { object, id, input };
    });
    return json(c, 200, run(org, allOrNone, jobs.map(({ object, id, input }) => () => {
      if (typeof id !== 'string' || id === '') return failed([recordError('MISSING_ARGUMENT', 'Id not specified in an update call')]);
      const result = org.update(object, id, input);
      return result.ok ? saved(result.record.Id) : failed(result.errors);
    })));
  }));

  app.delete(base, guard((c: Context) => {
    const ids = (c.req.query('ids') ?? '').split(',').filter(Boolean);
    if (ids.length === 0) throw new RequestError(400, 'REQUIRED_FIELD_MISSING', 'At least 1 Id is required.');
    if (ids.length > LIMITS.collectionRecords) throw new RequestError(400, 'EXCEEDED_ID_LIMIT', MESSAGES.collectionTooMany);
    return json(c, 200, run(org, c.req.query('allOrNone') === 'true', ids.map((id) => () => {
      const object = org.schema.objectForId(id);
      const error = object ? org.remove(object, id) : recordError('MALFORMED_ID', `malformed id ${id}`);
      return error ? failed([error], id) : saved(id);
    })));
  }));

  app.patch(`${base}/:type/:field`, guard(async (c) => {
    requireVersion(org, LIMITS.collectionUpsertSince);
    const object = org.objectOrThrow(c.req.param('type') ?? '');
    const field = externalIdField(org, object, c.req.param('field') ?? '');
    const { allOrNone, records } = readCollection(await readJson(c));
    const inputs = records.map((r) => coerceRecord(org.schema, typeOf(org, r, object), r));
    const key = (input: Fields) => {
      const value = input[field.name];
      return value == null ? null : field.caseSensitive ? String(value) : String(value).toLowerCase();
    };
    const counts = new Map<string, number>();
    for (const input of inputs) {
      const k = key(input);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return json(c, 200, run(org, allOrNone, inputs.map((input) => () => {
      const value = input[field.name];
      if ((counts.get(key(input) ?? '') ?? 0) > 1) {
        return failed([recordError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(value)}`, [field.name])]);
      }
      const outcome = upsert(org, object, field, value, input);
      if (outcome.kind === 'saved') return saved(outcome.record.Id, outcome.created);
      if (outcome.kind === 'failed') return failed(outcome.errors);
      const ids = outcome.records.map((r) => String(r.Id)).join(', ');
      return failed([recordError('DUPLICATE_EXTERNAL_ID', `${field.name}: more than one record found for external id field: [${ids}]`, [field.name])]);
    })));
  }));
}
