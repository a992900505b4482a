import { COMPOSITE_LIMIT, COMPOSITE_QUERY_LIMIT } from './config';
import { ApiError, IncompleteAnswerError, RetryableError, WholeCallRefusedError } from './errors';
import { Describe, firstError, QueryPage } from './schemas';

/**
 * Composite sub-requests Sidecar sends, and how their answers are read. A Composite call counts as
 * one API request whatever it carries, within two documented limits (REST API Developer Guide,
 * "Composite"): 25 sub-requests, of which at most 5 are Query, QueryAll or sObject Collections
 * operations. `packComposite` fills calls to both limits; the client refuses to send past them.
 */

export type SubRequest =
  | { kind: 'query'; soql: string; all?: boolean }
  | { kind: 'describe'; sobject: string; ifModifiedSince?: string };

export type SubAnswer =
  | { kind: 'page'; page: QueryPage }
  /** `lastModified`: the object's Last-Modified if the org sent one, else the org's clock when it answered. */
  | { kind: 'describe'; describe: Describe; lastModified: string | null }
  | { kind: 'not-modified' }
  | { kind: 'refused'; error: ApiError };

/** Query, QueryAll and Collections sub-requests are the ones the 5-per-call rule counts. */
const countsAsQuery = (sub: SubRequest) => sub.kind === 'query';

/** Split sub-requests into calls that keep both Composite limits, in order, each call as full as it may be. */
export function packComposite<T extends SubRequest>(subs: readonly T[]): T[][] {
  const calls: T[][] = [];
  let current: T[] = [];
  let queries = 0;
  for (const sub of subs) {
    const query = countsAsQuery(sub);
    if (current.length === COMPOSITE_LIMIT || (query && queries === COMPOSITE_QUERY_LIMIT)) {
      calls.push(current);
      current = [];
      queries = 0;
    }
    current.push(sub);
    if (query) queries += 1;
  }
  if (current.length) calls.push(current);
  return calls;
}

/** Throws before sending: a call past either limit would be refused whole. */
export function assertWithinLimits(subs: readonly SubRequest[]): void {
  if (subs.length > COMPOSITE_LIMIT) throw new RangeError(`at most ${COMPOSITE_LIMIT} sub-requests per Composite call`);
  const queries = subs.filter(countsAsQuery).length;
  if (queries > COMPOSITE_QUERY_LIMIT) throw new RangeError(`at most ${COMPOSITE_QUERY_LIMIT} query or collection sub-requests per Composite call`);
}

/** The Composite body for these sub-requests under the data path (`/services/data/v62.0`). */
export function compositeBody(data: string, subs: readonly SubRequest[]) {
  return {
    allOrNone: false,
    compositeRequest: subs.map((sub, i) => sub.kind === 'query'
      ? { method: 'GET', url: `${data}/${sub.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(sub.soql)}`, referenceId: `r${i}` }
      : {
        method: 'GET', url: `${data}/sobjects/${sub.sobject}/describe`, referenceId: `r${i}`,
        ...(sub.ifModifiedSince ? { httpHeaders: { 'If-Modified-Since': sub.ifModifiedSince } } : {}),
      }),
  };
}

/**
 * The org's answer time less the call's length and a second, as an HTTP date: a describe read in
 * that call has every change up to it (the describe may have been read at the call's start, and HTTP
 * dates count whole seconds, so a change in that window is asked about again).
 */
function secondBefore(date: string | null, elapsedMs: number): string | null {
  const ms = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms - elapsedMs - 1000).toUTCString();
}

/** What a whole-call refusal means, in Sidecar's words: the limit it names. */
function limitOf(errorCode: string, message: string): string {
  if (errorCode === 'LIMIT_EXCEEDED' && /query|collection/i.test(message)) return `at most ${COMPOSITE_QUERY_LIMIT} queries in one Composite call`;
  if (errorCode === 'LIMIT_EXCEEDED') return `at most ${COMPOSITE_LIMIT} sub-requests in one Composite call`;
  return 'a rule of the Composite resource';
}

export function wholeCallRefusal(status: number, body: unknown): WholeCallRefusedError {
  const first = firstError(body);
  const code = first?.errorCode ?? 'UNKNOWN';
  return new WholeCallRefusedError(status, code, first?.message ?? 'Salesforce refused the whole Composite call', limitOf(code, first?.message ?? ''));
}

/** Sub-request errors that say nothing about the request itself: the same call may well pass later. */
const PASSING = new Set(['QUERY_TIMEOUT', 'UNKNOWN_EXCEPTION', 'SERVER_UNAVAILABLE', 'REQUEST_RUNNING_TOO_LONG', 'UNABLE_TO_LOCK_ROW']);

interface Entry { body?: unknown; httpStatusCode: number; referenceId: string | null; httpHeaders?: Record<string, string> }

/**
 * Read each sub-request's answer, in the order sent. An entry with a null referenceId is a refusal
 * of the whole call (nothing ran); a sub-request with no entry is an incomplete answer.
 */
export function readAnswers(subs: readonly SubRequest[], entries: readonly Entry[], serverDate: string | null = null, elapsedMs = 0): SubAnswer[] {
  const whole = entries.find((e) => e.referenceId === null);
  if (whole) throw wholeCallRefusal(whole.httpStatusCode, whole.body);
  const byRef = new Map(entries.map((e) => [e.referenceId, e]));
  return subs.map((sub, i) => {
    const entry = byRef.get(`r${i}`);
    if (!entry) throw new IncompleteAnswerError(`Salesforce's Composite answer left out a sub-request (${entries.length} answers to ${subs.length})`);
    const status = entry.httpStatusCode;
    if (status === 304 && sub.kind === 'describe') return { kind: 'not-modified' };
    if (status >= 300) {
      const first = firstError(entry.body);
      // The org's trouble, not the request's: the whole call is tried again later, nothing is parked.
      if (status === 429 || status >= 500 || (first && PASSING.has(first.errorCode))) {
        throw new RetryableError(`a sub-request answered ${status}${first ? ` (${first.errorCode})` : ''}`, null, status);
      }
      return { kind: 'refused', error: new ApiError(status, first?.errorCode ?? 'UNKNOWN', first?.message ?? `a sub-request answered ${status}`, first?.fields ?? []) };
    }
    if (sub.kind === 'query') {
      const page = QueryPage.safeParse(entry.body);
      if (!page.success) throw new IncompleteAnswerError('a sub-query answered in an unexpected shape');
      return { kind: 'page', page: page.data };
    }
    const describe = Describe.safeParse(entry.body);
    if (!describe.success) throw new IncompleteAnswerError('a describe answered in an unexpected shape');
    const header = Object.entries(entry.httpHeaders ?? {}).find(([k]) => k.toLowerCase() === 'last-modified')?.[1] ?? null;
    return { kind: 'describe', describe: describe.data, lastModified: header ?? secondBefore(serverDate, elapsedMs) };
  });
}
