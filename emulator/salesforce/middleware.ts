import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler } from 'hono';
import { SALESFORCE_API_VERSION } from '../../lib/crm/salesforce/config';
import { INTERNAL_HEADER } from './composite-routes';
import { RequestError, notFound } from './errors';
import { fail, pathPattern } from './http';
import type { EmulatorState } from './state';

/**
 * Two layers in front of the routes. `traffic` logs every call and applies the network faults
 * (latency, failed answers, dropped connections, truncated bodies). `gate` guards the data API:
 * pinned version, bearer session, daily allowance, and the `Sforce-Limit-Info` header.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function traffic(state: EmulatorState, secret: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header(INTERNAL_HEADER) === secret || c.req.method === 'OPTIONS') return next();
    const entry = { method: c.req.method, path: c.req.path, pattern: `${c.req.method} ${pathPattern(c.req.path)}`, status: 0 };
    state.requests.push(entry);
    if (state.faults.latencyMs > 0) await sleep(state.faults.latencyMs);
    const failure = state.faults.takeFailure();
    if (failure) {
      entry.status = failure.status;
      return c.body(failure.body, failure.status as 500, failure.headers);
    }
    await next();
    entry.status = c.res.status;
    const mangling = state.faults.takeMangling();
    if (!mangling) return;
    const text = await c.res.text();
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    if (mangling === 'truncate') {
      entry.status = 200;
      c.res = new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers });
      return;
    }
    // Drop: the status line, the headers (promising the whole body) and half of it, then the socket closes.
    const { outgoing } = c.env as HttpBindings;
    headers.set('content-length', String(Buffer.byteLength(text)));
    outgoing.writeHead(c.res.status, Object.fromEntries(headers));
    outgoing.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => outgoing.socket?.destroy());
    // Clear first: assigning over a response merges the two into a new one, which node-server would write.
    c.res = undefined;
    c.res = RESPONSE_ALREADY_SENT;
  };
}

function bearer(header: string | undefined): string | null {
  return /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}

export function gate(state: EmulatorState, secret: string): MiddlewareHandler {
  return async (c, next) => {
    const version = /^\/services\/data\/(v[^/]+)(?:\/|$)/.exec(c.req.path)?.[1];
    if (!version) return next();
    if (version !== SALESFORCE_API_VERSION) return fail(c, notFound());
    const token = bearer(c.req.header('Authorization'));
    if (!token || !state.tokens.isValidAccess(token)) {
      return fail(c, new RequestError(401, 'INVALID_SESSION_ID', 'Session expired or invalid'));
    }
    if (c.req.header(INTERNAL_HEADER) === secret) return next();
    const { usage } = state;
    if (usage.used >= usage.max) {
      c.header('Sforce-Limit-Info', `api-usage=${usage.used}/${usage.max}`);
      return fail(c, new RequestError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    }
    usage.used++;
    await next();
    c.header('Sforce-Limit-Info', `api-usage=${usage.used}/${usage.max}`);
  };
}
