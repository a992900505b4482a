import { randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { RequestError } from './errors';
import { DATA_ROUTE } from './api-version';
import { guard, json } from './http';
import { makeId } from './ids';
import { LIMITS } from './limits';
import { runQuery } from './soql';
import type { Cursor, EmulatorState } from './state';

/**
 * `query` and `queryAll`: the first page of up to LIMITS.queryBatchDefault rows (or
 * `Sforce-Query-Options: batchSize=N`, clamped into LIMITS.queryBatchMin–queryBatchMax: the docs
 * promise no error, only that the batch size asked for may not be the one used), then
 * `nextRecordsUrl` pages (queryMore) from a cursor over the rows as they were. A cursor answers for
 * LIMITS.queryCursorLifetimeMs (2 days), so a page can be fetched again after a dropped connection;
 * `expireQueryCursors()` plays those days passing.
 */

function batchSize(c: Context): number {
  const match = /batchSize\s*=\s*(\d+)/i.exec(c.req.header('Sforce-Query-Options') ?? '');
  if (!match) return LIMITS.queryBatchDefault;
  return Math.min(LIMITS.queryBatchMax, Math.max(LIMITS.queryBatchMin, Number(match[1])));
}

function page(state: EmulatorState, locator: string, cursor: Cursor, offset: number): Record<string, unknown> {
  const end = offset + cursor.batchSize;
  const done = end >= cursor.records.length;
  return {
    totalSize: cursor.records.length,
    done,
    ...(done ? {} : { nextRecordsUrl: `${state.org.dataPath()}/${cursor.resource}/${locator}-${end}` }),
    records: cursor.records.slice(offset, end),
  };
}

export function registerQuery(app: Hono, state: EmulatorState): void {
  for (const resource of ['query', 'queryAll'] as const) {
    const first = guard((c) => {
      const soql = c.req.query('q');
      if (!soql) throw new RequestError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
      const result = runQuery(state.org, soql, resource === 'queryAll');
      if (result.records.length === 0) return json(c, 200, { totalSize: result.totalSize, done: true, records: [] });
      // Locators look like Salesforce's: 01g + 15 characters (+ checksum), unique per query.
      const locator = makeId('01g', randomBytes(4).readUInt32BE(), 'D0');
      const cursor: Cursor = { resource, records: result.records, batchSize: batchSize(c), openedAt: Date.now() };
      if (cursor.records.length > cursor.batchSize) state.cursors.set(locator, cursor);
      return json(c, 200, page(state, locator, cursor, 0));
    });
    app.get(`${DATA_ROUTE}/${resource}`, first);
    app.get(`${DATA_ROUTE}/${resource}/`, first);
    app.get(`${DATA_ROUTE}/${resource}/:cursor`, guard((c) => {
      const match = /^(.+)-(\d+)$/.exec(c.req.param('cursor') ?? '');
      const cursor = match ? state.cursors.get(match[1] ?? '') : undefined;
      if (!match || !cursor || cursor.resource !== resource || Date.now() - cursor.openedAt > LIMITS.queryCursorLifetimeMs) {
        throw new RequestError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      }
      return json(c, 200, page(state, match[1] ?? '', cursor, Number(match[2])));
    }));
  }
}
