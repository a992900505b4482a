import type { Hono } from 'hono';
import { DATA_ROUTE } from './api-version';
import { RequestError } from './errors';
import { guard, json, readJson } from './http';
import { LIMITS, MESSAGES } from './limits';
import type { EmulatorState } from './state';

/**
 * Composite: up to LIMITS.compositeSubrequests sub-requests in one call, at most
 * LIMITS.compositeQueryOps of them Query, QueryAll, Query More or sObject Collections; over either
 * limit the call is refused whole (HTTP 200, one LIMIT_EXCEEDED entry with referenceId null,
 * nothing run). The call counts as one API request. Each sub-request runs through the same routes
 * (without counting, logging or faults), in order, and may refer to an earlier answer as
 * `@{referenceId.field}`. With allOrNone a failure rolls back every write and every other
 * sub-request answers 400 PROCESSING_HALTED; without it, only sub-requests that refer to a failed
 * one are skipped.
 */


/** A header only the emulator itself sets on sub-requests; the gate lets them through uncounted. */
export const INTERNAL_HEADER = 'x-sidecar-emulator-internal';

interface SubRequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, string>;
}

function readSubRequests(body: unknown): { allOrNone: boolean; requests: SubRequest[] } {
  const list = (body as { compositeRequest?: unknown } | null)?.compositeRequest;
  if (!Array.isArray(list)) throw new RequestError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize the request: expected {"compositeRequest": [...]} at [line:1, column:1]');
  for (const item of list) {
    const r = item as Partial<SubRequest> | null;
    if (!r || typeof r.method !== 'string' || typeof r.url !== 'string' || typeof r.referenceId !== 'string') {
      throw new RequestError(400, 'INVALID_INPUT', 'Each sub-request needs method, url and referenceId');
    }
  }
  return { allOrNone: (body as { allOrNone?: unknown }).allOrNone === true, requests: list as SubRequest[] };
}

function resolve(text: string, answers: Map<string, unknown>): string {
  return text.replace(/@\{([^}.]+)\.([^}]+)\}/g, (whole, ref: string, path: string) => {
    let value: unknown = answers.get(ref);
    for (const key of path.split('.')) value = (value as Record<string, unknown> | null | undefined)?.[key.replace(/\[(\d+)\]$/, '')];
    return value === undefined || value === null ? whole : String(value);
  });
}

type Entry = Record<string, unknown>;

const halted = (referenceId: string | null, message: string = MESSAGES.processingHalted): Entry =>
  ({ body: [{ errorCode: 'PROCESSING_HALTED', message }], httpHeaders: {}, httpStatusCode: 400, referenceId });

/** A refusal of the whole call: one entry, referenceId null, nothing executed (LIMITS.compositeQueryOps). */
const refused = (message: string): Entry =>
  ({ body: [{ errorCode: 'LIMIT_EXCEEDED', message }], httpHeaders: {}, httpStatusCode: 400, referenceId: null });

/** Query, QueryAll, Query More (a nextRecordsUrl) and sObject Collections subrequests. */
function isQueryOrCollection(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return /^\/services\/data\/[^/]+\/(?:query|queryAll)(?:\/|$)/.test(path) || /^\/services\/data\/[^/]+\/composite\/sobjects(?:\/|$)/.test(path);
}

/** The referenceIds a subrequest's url or body points at with `@{ref.field}`. */
function referencesOf(sub: SubRequest): string[] {
  const text = `${sub.url} ${sub.body === undefined ? '' : JSON.stringify(sub.body)}`;
  return [...text.matchAll(/@\{([^}.]+)\./g)].map((m) => m[1] ?? '');
}

export function registerComposite(app: Hono, state: EmulatorState, secret: string): void {
  const composite = guard(async (c) => {
    const { allOrNone, requests } = readSubRequests(await readJson(c));
    if (requests.length > LIMITS.compositeSubrequests) return json(c, 200, { compositeResponse: [refused(MESSAGES.compositeTooMany)] });
    if (requests.filter((r) => isQueryOrCollection(r.url)).length > LIMITS.compositeQueryOps) {
      return json(c, 200, { compositeResponse: [refused(MESSAGES.compositeTooManyQueries)] });
    }
    const restore = allOrNone ? state.org.snapshot() : null;
    const answers = new Map<string, unknown>();
    const failedRefs = new Set<string>();
    const compositeResponse: Entry[] = [];
    for (const sub of requests) {
      const dependsOn = referencesOf(sub).find((ref) => failedRefs.has(ref));
      if (dependsOn !== undefined) {
        // "Dependent subrequests aren't executed" (Composite Request Body, allOrNone false).
        failedRefs.add(sub.referenceId);
        compositeResponse.push(halted(sub.referenceId, `Invalid reference specified. ${dependsOn} failed, so @{${dependsOn}.…} has no value.`));
        continue;
      }
      const url = new URL(resolve(sub.url, answers), 'http://emulator.internal');
      const headers = new Headers({ ...sub.httpHeaders, [INTERNAL_HEADER]: secret, Authorization: c.req.header('Authorization') ?? '' });
      if (sub.body !== undefined) headers.set('Content-Type', 'application/json');
      const response = await app.fetch(new Request(url, {
        method: sub.method.toUpperCase(), headers,
        body: sub.body === undefined ? undefined : resolve(JSON.stringify(sub.body), answers),
      }), c.env);
      const text = await response.text();
      const body: unknown = text ? JSON.parse(text) : null;
      answers.set(sub.referenceId, body);
      const httpHeaders: Record<string, string> = {};
      const location = response.headers.get('Location');
      if (location) httpHeaders.Location = location;
      const entry = { body, httpHeaders, httpStatusCode: response.status, referenceId: sub.referenceId };
      if (response.status >= 400 && allOrNone) {
        // The whole call rolls back; every other subrequest answers 400 (LIMITS.compositeAllOrNoneRollsBack).
        restore?.();
        return json(c, 200, { compositeResponse: requests.map((r) => (r === sub ? entry : halted(r.referenceId))) });
      }
      if (response.status >= 400) failedRefs.add(sub.referenceId);
      compositeResponse.push(entry);
    }
    return json(c, 200, { compositeResponse });
  });
  app.post(`${DATA_ROUTE}/composite`, composite);
  app.post(`${DATA_ROUTE}/composite/`, composite);
}
