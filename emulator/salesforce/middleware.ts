import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { MiddlewareHandler } from 'hono';
import { atVersion, judgeVersion } from './api-version';
import { INTERNAL_HEADER } from './composite-routes';
import { RequestError, notFound } from './errors';
import { fail, pathPattern } from './http';
import { LIMITS, MESSAGES } from './limits';
import type { EmulatorState } from './state';

/**
 * Two layers in front of the routes. `traffic` logs every call and applies the network faults
 * (latency, failed answers, dropped connections, truncated bodies). `gate` guards the data API:
 * a served version (410 for a retired one, 404 for one the org does not have), bearer session,
 * daily allowance, and the `Sforce-Limit-Info` header (see LIMITS).
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
    const segment = /^\/services\/data\/([^/]+)(?:\/|$)/.exec(c.req.path)?.[1];
    if (!segment) return next(); // the versions list: no session needed, not counted
    const verdict = judgeVersion(segment, state.newestVersion);
    if (verdict.kind === 'unknown') return fail(c, notFound());
    if (verdict.kind === 'retired') return fail(c, new RequestError(LIMITS.retiredVersionStatus, 'NOT_FOUND', MESSAGES.notFound));
    const token = bearer(c.req.header('Authorization'));
    if (!token || !state.tokens.isValidAccess(token)) {
      return fail(c, new RequestError(LIMITS.invalidSessionStatus, 'INVALID_SESSION_ID', MESSAGES.sessionInvalid));
    }
    if (c.req.header(INTERNAL_HEADER) === secret) return atVersion(verdict.version, () => next());
    const { usage } = state;
    if (usage.used >= usage.max) {
      c.header('Sforce-Limit-Info', `api-usage=${usage.used}/${usage.max}`);
      return fail(c, new RequestError(LIMITS.requestLimitStatus, 'REQUEST_LIMIT_EXCEEDED', MESSAGES.requestLimit));
    }
    usage.used++;
    await atVersion(verdict.version, () => next());
    c.header('Sforce-Limit-Info', `api-usage=${usage.used}/${usage.max}`);
  };
}
