import type { Context, Hono } from 'hono';
import type { SalesforceEmulator } from './emulator';
import type { FailResponse } from './faults';
import type { NewField } from './schema-changes';

/**
 * `/__emulator/*`: the programmatic controls over HTTP, for poking the CLI emulator by hand.
 * Not counted against the allowance and not in the request log.
 *
 *   POST   /__emulator/token                      → { accessToken, refreshToken }
 *   POST   /__emulator/expire | /__emulator/revoke
 *   GET    /__emulator/records/:sobject[?includeDeleted=true]
 *   POST   /__emulator/records/:sobject           body: fields → the record
 *   PATCH  /__emulator/records/:sobject/:id       body: fields
 *   DELETE /__emulator/records/:sobject/:id
 *   GET    /__emulator/faults ; POST /__emulator/faults  body: { latencyMs?, failNext?: {count, response},
 *          dropNext?, truncateNext?, duplicateRule?: {sobject, field}, restrictPicklist?: {sobject, field, values}, reset? }
 *   GET    /__emulator/requests ; DELETE /__emulator/requests
 *   GET    /__emulator/usage ; POST /__emulator/usage  body: { used }
 *   GET    /__emulator/versions                   → the /services/data list
 *   POST   /__emulator/schema/:sobject/fields     body: NewField → the field (metadata changes)
 *   POST   /__emulator/schema/:sobject/touch      → { changedAt } (metadata changes, no field added)
 *   GET    /__emulator/schema/:sobject            → { changedAt }
 */

interface FaultCommand {
  reset?: boolean;
  latencyMs?: number;
  failNext?: { count: number; response: FailResponse };
  dropNext?: number;
  truncateNext?: number;
  duplicateRule?: { sobject: string; field: string | null };
  restrictPicklist?: { sobject: string; field: string; values: string[] };
}

async function body<T>(c: Context): Promise<T> {
  return (await c.req.json()) as T;
}

function attempt(c: Context, action: () => unknown): Response {
  try {
    const result = action();
    return c.json(result ?? { ok: true });
  } catch (error) {
    return c.json({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
}

export function registerControls(app: Hono, emulator: SalesforceEmulator, pending: () => unknown): void {
  const base = '/__emulator';
  app.get(base, (c) => c.json({ url: emulator.url, usage: emulator.usage(), faults: pending() }));
  app.post(`${base}/token`, (c) => c.json(emulator.issueToken()));
  app.post(`${base}/expire`, (c) => attempt(c, () => emulator.expireAccessTokens()));
  app.post(`${base}/revoke`, (c) => attempt(c, () => emulator.revokeAll()));

  app.get(`${base}/records/:sobject`, (c) => attempt(c, () =>
    emulator.records(c.req.param('sobject'), { includeDeleted: c.req.query('includeDeleted') === 'true' })));
  app.post(`${base}/records/:sobject`, async (c) => {
    const fields = await body<Record<string, unknown>>(c);
    return attempt(c, () => emulator.insert(c.req.param('sobject'), fields));
  });
  app.patch(`${base}/records/:sobject/:id`, async (c) => {
    const fields = await body<Record<string, unknown>>(c);
    return attempt(c, () => emulator.update(c.req.param('sobject'), c.req.param('id'), fields));
  });
  app.delete(`${base}/records/:sobject/:id`, (c) => attempt(c, () => emulator.remove(c.req.param('sobject'), c.req.param('id'))));

  app.get(`${base}/faults`, (c) => c.json(pending()));
  app.post(`${base}/faults`, async (c) => {
    const command = await body<FaultCommand>(c);
    return attempt(c, () => {
      const { faults } = emulator;
      if (command.reset) faults.reset();
      if (command.latencyMs !== undefined) faults.latencyMs = command.latencyMs;
      if (command.failNext) faults.failNext(command.failNext.count, command.failNext.response);
      if (command.dropNext) faults.dropNext(command.dropNext);
      if (command.truncateNext) faults.truncateNext(command.truncateNext);
      if (command.duplicateRule) faults.duplicateRule(command.duplicateRule.sobject, command.duplicateRule.field);
      if (command.restrictPicklist) faults.restrictPicklist(command.restrictPicklist.sobject, command.restrictPicklist.field, command.restrictPicklist.values);
      return pending();
    });
  });

  app.get(`${base}/requests`, (c) => c.json(emulator.requests));
  app.delete(`${base}/requests`, (c) => attempt(c, () => void emulator.requests.splice(0)));
  app.get(`${base}/versions`, (c) => c.json(emulator.apiVersions()));
  app.post(`${base}/schema/:sobject/fields`, async (c) => {
    const field = await body<NewField>(c);
    return attempt(c, () => emulator.addField(c.req.param('sobject'), field));
  });
  app.post(`${base}/schema/:sobject/touch`, (c) => attempt(c, () => {
    emulator.touchSchema(c.req.param('sobject'));
    return { changedAt: emulator.schemaChangedAt(c.req.param('sobject')) };
  }));
  app.get(`${base}/schema/:sobject`, (c) => attempt(c, () => ({ changedAt: emulator.schemaChangedAt(c.req.param('sobject')) })));
  app.get(`${base}/usage`, (c) => c.json(emulator.usage()));
  app.post(`${base}/usage`, async (c) => {
    const { used } = await body<{ used: number }>(c);
    return attempt(c, () => {
      emulator.setUsage(used);
      return emulator.usage();
    });
  });
}
