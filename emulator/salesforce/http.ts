import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { RequestError } from './errors';
import { isIdFormat } from './ids';

/** Response helpers shared by the route files, and the request log's path patterns. */

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(c: Context, status: number, body: unknown): Response {
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, { 'Content-Type': JSON_TYPE });
}

export function fail(c: Context, error: RequestError): Response {
  return json(c, error.status, error.body());
}

/** The request's JSON body; a body that does not parse is Salesforce's JSON_PARSER_ERROR. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError(400, 'JSON_PARSER_ERROR', `Unexpected character ('${text.charAt(0) || 'EOF'}'): was expecting a JSON value at [line:1, column:1]`);
  }
}

/** Runs a handler, answering a thrown RequestError with Salesforce's error list. */
export function guard(handler: (c: Context) => Promise<Response> | Response) {
  return async (c: Context): Promise<Response> => {
    try {
      return await handler(c);
    } catch (error) {
      if (error instanceof RequestError) return fail(c, error);
      throw error;
    }
  };
}

const KEYWORDS = new Set(['describe', 'deleted', 'updated', 'Content']);

/**
 * The path with its variable parts named: ids → `{id}`, query locators → `{locator}`, upsert
 * values → `{value}`. `PATCH /services/data/v62.0/sobjects/Contact/Sidecar_Id__c/01J…` becomes
 * `PATCH /services/data/v62.0/sobjects/Contact/Sidecar_Id__c/{value}`.
 */
export function pathPattern(path: string): string {
  const parts = path.split('/');
  const at = parts.indexOf('sobjects');
  return parts.map((part, i) => {
    if ((parts[i - 1] === 'query' || parts[i - 1] === 'queryAll') && /-\d+$/.test(part)) return '{locator}';
    if (at < 0 || i <= at + 1 || part === '') return part;
    if (i === at + 2 && !KEYWORDS.has(part) && isIdFormat(part)) return '{id}';
    if (i === at + 3 && !KEYWORDS.has(part) && !KEYWORDS.has(parts[at + 2] ?? '')) return '{value}';
    return part;
  }).join('/');
}
