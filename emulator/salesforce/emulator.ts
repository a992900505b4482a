import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { registerCollections } from './collection-routes';
import { registerComposite } from './composite-routes';
import { registerControls } from './control-routes';
import { notFound, RequestError } from './errors';
import { FaultState, type Faults } from './faults';
import { servedVersions, versionNumber, type VersionEntry } from './api-version';
import { fail, json } from './http';
import { LIMITS } from './limits';
import { gate, traffic } from './middleware';
import { registerOAuth } from './oauth-routes';
import { Org, type Rec } from './org';
import { registerQuery } from './query-routes';
import { newField, type NewField } from './schema-changes';
import { registerService } from './service-routes';
import { registerSObjects } from './sobject-routes';
import type { EmulatorState, RequestLogEntry } from './state';
import { TokenStore } from './tokens';

/**
 * A local Salesforce org over HTTP: OAuth, the REST data API at every version a real org serves
 * (LIMITS.oldestApiVersion up to the newest), and faults.
 */

export interface SalesforceEmulatorOptions {
  port?: number;
  dailyLimit?: number;
  clientId?: string;
  sharedActivities?: boolean;
  /** Tells orgs apart (their Organization Id); default 1. */
  orgSerial?: number;
  /**
   * The newest API version the org serves, e.g. '61.0' for an org still on Summer '24: its
   * `/services/data` list stops there and every newer version answers 404. Default: the newest
   * version a real org serves in December 2026 (LIMITS.newestApiVersion, 68.0 Winter '27).
   */
  newestApiVersion?: string;
}

export interface SalesforceEmulator {
  url: string;
  close(): Promise<void>;
  /** Stop answering (connections refused), keeping the org's state; `goOnline` listens again on the same port. */
  goOffline(): Promise<void>;
  goOnline(): Promise<void>;
  issueToken(): { accessToken: string; refreshToken: string };
  expireAccessTokens(): void;
  revokeAll(): void;
  records(sobject: string, opts?: { includeDeleted?: boolean }): Array<Record<string, unknown>>;
  insert(sobject: string, fields: Record<string, unknown>): Record<string, unknown>;
  update(sobject: string, id: string, fields: Record<string, unknown>): void;
  remove(sobject: string, id: string): void;
  faults: Faults;
  requests: RequestLogEntry[];
  usage(): { used: number; max: number };
  setUsage(used: number): void;
  /** The versions `/services/data` lists, oldest first. */
  apiVersions(): VersionEntry[];
  /** Adds a custom field (name ending `__c`), as an admin would in Setup; the object's describe changes. */
  addField(sobject: string, field: NewField): Record<string, unknown>;
  /** Every open query cursor outlives its 2 days (LIMITS.queryCursorLifetimeMs): its next page answers INVALID_QUERY_LOCATOR. */
  expireQueryCursors(): void;
  /** Marks an object's metadata as changed now, so a describe cached before it is stale. */
  touchSchema(sobject: string): void;
  /** When the object's metadata last changed, as an HTTP date (what describe sends as Last-Modified). */
  schemaChangedAt(sobject: string): string;
}

function explain(errors: Array<{ statusCode: string; message: string }>): Error {
  return new Error(errors.map((e) => `${e.statusCode}: ${e.message}`).join('; '));
}

function buildApp(state: EmulatorState, secret: string): Hono {
  const app = new Hono();
  app.use('*', cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Sforce-Query-Options', 'Accept', 'If-Modified-Since'],
    exposeHeaders: ['Sforce-Limit-Info', 'Retry-After', 'Location'],
  }));
  app.use('/services/*', traffic(state, secret));
  app.use('/id/*', traffic(state, secret));
  app.use('/services/data/*', gate(state, secret));

  registerService(app, state);
  registerOAuth(app, state);
  registerSObjects(app, state);
  registerQuery(app, state);
  registerCollections(app, state);
  registerComposite(app, state, secret);
  app.notFound((c) => fail(c, notFound()));
  app.onError((error, c) => {
    if (error instanceof RequestError) return fail(c, error);
    console.error('salesforce emulator:', error);
    return json(c, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: error.message }]);
  });
  return app;
}

function newestOf(option: string | undefined): number {
  if (option === undefined) return LIMITS.newestApiVersion;
  const version = versionNumber(option);
  if (version === null || version < LIMITS.oldestApiVersion || version > LIMITS.newestApiVersion) {
    throw new Error(`newestApiVersion must be ${LIMITS.oldestApiVersion}.0–${LIMITS.newestApiVersion}.0, not ${option}`);
  }
  return version;
}

export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const newestVersion = newestOf(options.newestApiVersion);
  const org = new Org(options.sharedActivities ?? true, options.orgSerial ?? 1, newestVersion);
  const state: EmulatorState = {
    org, tokens: new TokenStore(org.orgId), faults: new FaultState(org),
    usage: { used: 0, max: options.dailyLimit ?? LIMITS.defaultDailyRequests }, requests: [],
    clientId: options.clientId ?? 'sidecar-dev', url: '', cursors: new Map(), newestVersion,
  };
  const copy = (r: Rec) => structuredClone(r);
  const emulator: SalesforceEmulator = {
    get url() {
      return state.url;
    },
    close: () => stopServer(),
    goOffline: () => stopServer(),
    goOnline: async () => {
      server = await listen(port);
    },
    issueToken: () => state.tokens.issue(),
    expireAccessTokens: () => state.tokens.expireAccess(),
    revokeAll: () => state.tokens.revokeAll(),
    records: (sobject, opts = {}) => [...org.table(org.objectOrThrow(sobject).name).values()]
      .filter((r) => opts.includeDeleted || r.IsDeleted !== true).map(copy),
    insert: (sobject, fields) => {
      const { object, input } = org.coerce(sobject, fields);
      const result = org.create(object, input, true);
      if (!result.ok) throw explain(result.errors);
      return copy(result.record);
    },
    update: (sobject, id, fields) => {
      const { object, input } = org.coerce(sobject, fields);
      const result = org.update(object, id, input, true);
      if (!result.ok) throw explain(result.errors);
    },
    remove: (sobject, id) => {
      const error = org.remove(org.objectOrThrow(sobject), id);
      if (error) throw explain([error]);
    },
    faults: state.faults,
    requests: state.requests,
    usage: () => ({ ...state.usage }),
    setUsage: (used) => {
      state.usage.used = used;
    },
    apiVersions: () => servedVersions(newestVersion),
    addField: (sobject, field) => ({ ...org.schema.addField(org.objectOrThrow(sobject).name, newField(field)) }),
    touchSchema: (sobject) => org.schema.touch(org.objectOrThrow(sobject).name),
    expireQueryCursors: () => {
      for (const cursor of state.cursors.values()) cursor.openedAt = Number.NEGATIVE_INFINITY;
    },
    schemaChangedAt: (sobject) => new Date(org.schema.metadataChangedAt(org.objectOrThrow(sobject).name)).toUTCString(),
  };
  const secret = randomBytes(16).toString('hex');
  const app = buildApp(state, secret);
  registerControls(app, emulator, () => state.faults.pending());
  const listen = (at: number) => new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: at, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  let server = await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  function stopServer(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      server.close((error) => (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  }
  state.url = `http://127.0.0.1:${port}`;
  return emulator;
}
