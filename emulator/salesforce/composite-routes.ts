import type { Hono } from 'hono';
import { COMPOSITE_LIMIT } from '../../lib/crm/salesforce/config';
import { RequestError } from './errors';
import { DATA_PATH, guard, json, readJson } from './http';

/**
 * Composite: up to 25 sub-requests in one call, which counts as one API request. Each sub-request
 * runs through the same routes (without counting, logging or faults), in order, and may refer to
 * an earlier answer as `@{referenceId.field}`. allOrNone halts after a failure but does not undo
 * earlier sub-requests (Sidecar sends only queries this way).
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
  if (list.length > COMPOSITE_LIMIT) throw new RequestError(400, 'LIMIT_EXCEEDED', `Exceeded max limit of subrequests allowed: ${COMPOSITE_LIMIT}`);
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

export function registerComposite(app: Hono, secret: string): void {
  const composite = guard(async (c) => {
    const { allOrNone, requests } = readSubRequests(await readJson(c));
    const answers = new Map<string, unknown>();
    const compositeResponse: Array<Record<string, unknown>> = [];
    let failed = false;
    for (const sub of requests) {
      if (failed && allOrNone) {
        compositeResponse.push({
          body: [{ errorCode: 'PROCESSING_HALTED', message: 'The transaction was rolled back since another operation in the same transaction failed.' }],
          httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId,
        });
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
      failed ||= response.status >= 400;
      const httpHeaders: Record<string, string> = {};
      const location = response.headers.get('Location');
      if (location) httpHeaders.Location = location;
      compositeResponse.push({ body, httpHeaders, httpStatusCode: response.status, referenceId: sub.referenceId });
    }
    return json(c, 200, { compositeResponse });
  });
  app.post(`${DATA_PATH}/composite`, composite);
  app.post(`${DATA_PATH}/composite/`, composite);
}
