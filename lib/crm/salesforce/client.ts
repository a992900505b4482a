import type { z } from 'zod';
import { COLLECTION_LIMIT, SALESFORCE_API_VERSION } from './config';
import { assertWithinLimits, compositeBody, readAnswers, wholeCallRefusal, type SubAnswer, type SubRequest } from './composite';
import { ApiError, ApiVersionError, AuthError, DailyLimitError, MultipleMatchesError, RetryableError } from './errors';
import {
  CompositeResponse, CreateResult, DeletedResult, Describe, firstError, QueryPage, SaveResult, UserInfo, Versions,
  type SObjectRecord,
} from './schemas';

/** Where the client gets its bearer token, and how it asks for a new one after a 401. */
export interface TokenSource {
  accessToken(): Promise<string>;
  /** Exchange the refresh token; single-flight. `stale` is the token that just failed. Throws AuthError when refused. */
  refresh(stale: string): Promise<string>;
}

export interface ApiUsage { used: number; max: number }

export interface ClientOptions {
  instanceUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  /** Stop before a request once this share of the daily allowance is used (0–1). */
  budgetShare?: number;
  timeoutMs?: number;
  /** Told of every request (`"PATCH /services/data/v62.0/composite/sobjects/Contact/Sidecar_Id__c"`) and its status. */
  onRequest?: (pattern: string, status: number | null) => void;
  onUsage?: (usage: ApiUsage) => void;
}

const DATA = `/services/data/${SALESFORCE_API_VERSION}`;

/** A 300 from an upsert by External ID: the matching records' ids (`["/services/data/…/Contact/003…", …]`). */
function multipleIds(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => (typeof item === 'string' ? [item.split('/').at(-1) ?? item] : []));
}

/** `Sforce-Limit-Info: api-usage=25/15000`. */
export function parseLimitInfo(header: string | null): ApiUsage | null {
  const match = header?.match(/api-usage=(\d+)\/(\d+)/);
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
}

/** `Retry-After` in seconds or as an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * A thin typed Salesforce REST client on `fetch`. Every response is checked with zod; anything
 * malformed is a RetryableError, never a success. A 401 refreshes the token once and retries.
 */
export class SalesforceClient {
  readonly instanceUrl: string;
  private usage: ApiUsage | null = null;
  /** The org's clock (`Date`) on the last answer: what a describe's If-Modified-Since is set by, not the browser's. */
  private serverDate: string | null = null;

  constructor(private readonly options: ClientOptions) {
    this.instanceUrl = options.instanceUrl.replace(/\/+$/, '');
  }

  get lastUsage(): ApiUsage | null {
    return this.usage;
  }

  /** Upsert up to 200 records of one type by an external id field; results in input order. */
  async upsert(type: string, externalIdField: string, records: Record<string, unknown>[]): Promise<SaveResult[]> {
    if (records.length > COLLECTION_LIMIT) throw new RangeError(`at most ${COLLECTION_LIMIT} records per call`);
    const path = `${DATA}/composite/sobjects/${type}/${externalIdField}`;
    const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type }, ...r })) };
    const results = await this.call('PATCH', path, path, SaveResult.array(), body);
    if (results.length !== records.length) throw new RetryableError(`upsert answered ${results.length} results for ${records.length} records`);
    return results;
  }

  /** Create up to 200 records (objects with no external id, such as TaskRelation). */
  async createMany(type: string, records: Record<string, unknown>[]): Promise<SaveResult[]> {
    const path = `${DATA}/composite/sobjects`;
    const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type }, ...r })) };
    const results = await this.call('POST', path, path, SaveResult.array(), body);
    if (results.length !== records.length) throw new RetryableError(`create answered ${results.length} results for ${records.length} records`);
    return results;
  }

  async create(type: string, fields: Record<string, unknown>): Promise<string> {
    const path = `${DATA}/sobjects/${type}`;
    return (await this.call('POST', path, path, CreateResult, fields)).id;
  }

  /** Every page of a SOQL query, following `nextRecordsUrl`. `all`: queryAll, with deleted rows. */
  async *query(soql: string, options: { all?: boolean; batchSize?: number } = {}): AsyncGenerator<SObjectRecord[]> {
    const resource = options.all ? 'queryAll' : 'query';
    const headers = options.batchSize ? { 'Sforce-Query-Options': `batchSize=${options.batchSize}` } : undefined;
    const first = await this.call('GET', `${DATA}/${resource}?q=${encodeURIComponent(soql)}`, `${DATA}/${resource}`, QueryPage, undefined, headers);
    yield first.records;
    yield* this.morePages(first, options);
  }

  /**
   * One Composite call (one API request) of up to 25 sub-requests, at most 5 of them queries:
   * match look-ups and describes travel together, and a pull's first pages of every object come in
   * one call. In the body a query may be up to SOQL's 100,000 characters (a URL only 16 KB).
   * Throws WholeCallRefusedError when the org refused the call whole, IncompleteAnswerError when its
   * answer left a sub-request out; a sub-request's own refusal comes back as its answer.
   */
  async composite(subs: readonly SubRequest[]): Promise<SubAnswer[]> {
    assertWithinLimits(subs);
    if (subs.length === 0) return [];
    const path = `${DATA}/composite`;
    const started = Date.now();
    const { compositeResponse } = await this.call('POST', path, path, CompositeResponse, compositeBody(DATA, subs));
    return readAnswers(subs, compositeResponse, this.serverDate, Date.now() - started);
  }

  /** The pages after a first page (a Composite sub-query's), following `nextRecordsUrl`. */
  async *morePages(first: QueryPage, options: { all?: boolean; batchSize?: number } = {}): AsyncGenerator<SObjectRecord[]> {
    const pattern = `${DATA}/${options.all ? 'queryAll' : 'query'}/{locator}`;
    const headers = options.batchSize ? { 'Sforce-Query-Options': `batchSize=${options.batchSize}` } : undefined;
    let page = first;
    while (!page.done) {
      if (!page.nextRecordsUrl) throw new RetryableError('a query page said more follows but gave no nextRecordsUrl');
      page = await this.call('GET', page.nextRecordsUrl, pattern, QueryPage, undefined, headers);
      yield page.records;
    }
  }

  /** Update up to 200 records by their Salesforce Id (linking a matched record stamps its External ID). */
  async updateMany(type: string, records: Array<Record<string, unknown> & { Id: string }>): Promise<SaveResult[]> {
    if (records.length > COLLECTION_LIMIT) throw new RangeError(`at most ${COLLECTION_LIMIT} records per call`);
    const path = `${DATA}/composite/sobjects`;
    const body = { allOrNone: false, records: records.map(({ Id, ...fields }) => ({ attributes: { type }, id: Id, ...fields })) };
    const results = await this.call('PATCH', path, path, SaveResult.array(), body);
    if (results.length !== records.length) throw new RetryableError(`update answered ${results.length} results for ${records.length} records`);
    return results;
  }

  async update(type: string, id: string, fields: Record<string, unknown>): Promise<void> {
    await this.call('PATCH', `${DATA}/sobjects/${type}/${id}`, `${DATA}/sobjects/${type}/{id}`, CreateResult.optional(), fields);
  }

  /** Delete one record; one Salesforce already deleted counts as done. */
  async remove(type: string, id: string): Promise<void> {
    try {
      await this.call('DELETE', `${DATA}/sobjects/${type}/${id}`, `${DATA}/sobjects/${type}/{id}`, CreateResult.optional());
    } catch (error) {
      if (error instanceof ApiError && (error.errorCode === 'NOT_FOUND' || error.errorCode === 'ENTITY_IS_DELETED')) return;
      throw error;
    }
  }

  describe(type: string): Promise<Describe> {
    const path = `${DATA}/sobjects/${type}/describe`;
    return this.call('GET', path, path, Describe);
  }

  deleted(type: string, start: string, end: string) {
    const path = `${DATA}/sobjects/${type}/deleted/`;
    return this.call('GET', `${path}?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`, path, DeletedResult);
  }

  userInfo(): Promise<UserInfo> {
    const path = '/services/oauth2/userinfo';
    return this.call('GET', path, path, UserInfo);
  }

  private async call<S extends z.ZodType>(
    method: string, path: string, pattern: string, schema: S, body?: unknown, headers?: Record<string, string>,
  ): Promise<z.output<S>> {
    this.checkBudget();
    const token = await this.options.tokens.accessToken();
    let response = await this.send(method, path, pattern, token, body, headers);
    if (response.status === 401) {
      await response.body?.cancel();
      const fresh = await this.options.tokens.refresh(token);
      response = await this.send(method, path, pattern, fresh, body, headers);
      if (response.status === 401) throw new AuthError('Salesforce refused the refreshed session');
    }
    return this.read(response, schema, path);
  }

  private checkBudget(): void {
    const share = this.options.budgetShare;
    if (share === undefined || !this.usage) return;
    if (this.usage.used >= this.usage.max * share) {
      throw new DailyLimitError(`Sidecar's share of the daily API allowance is used (${this.usage.used} of ${this.usage.max}, limit ${Math.round(share * 100)}%)`, this.usage.used, this.usage.max);
    }
  }

  /**
   * One request. A connection that failed before any answer (a kept-alive socket the server closed
   * while Sidecar worked between calls) is tried once more at once, for requests that are safe to
   * repeat: reads, upserts and updates by id, and Sidecar's Composite calls (reads only). A create
   * (POST) is not: the next run's look-ups find what it may have made.
   */
  private async send(method: string, path: string, pattern: string, token: string, body: unknown, headers?: Record<string, string>): Promise<Response> {
    const doFetch = this.options.fetch ?? fetch;
    const repeatable = method !== 'POST' || path.endsWith('/composite');
    let response: Response | undefined;
    for (let attempt = 0; !response; attempt += 1) {
      try {
        response = await doFetch(`${this.instanceUrl}${path}`, {
          method,
          headers: {
            Authorization: `Bearer ${token}`, Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        this.options.onRequest?.(`${method} ${pattern}`, null);
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        if (!timedOut && repeatable && attempt === 0) continue;
        throw new RetryableError(timedOut ? 'Salesforce did not answer in time' : 'Salesforce could not be reached');
      }
    }
    this.options.onRequest?.(`${method} ${pattern}`, response.status);
    this.serverDate = response.headers.get('Date');
    const usage = parseLimitInfo(response.headers.get('Sforce-Limit-Info'));
    if (usage) {
      this.usage = usage;
      this.options.onUsage?.(usage);
    }
    return response;
  }

  private async read<S extends z.ZodType>(response: Response, schema: S, path: string): Promise<z.output<S>> {
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new RetryableError('the connection dropped while Salesforce was answering', null, response.status);
    }
    const status = response.status;
    if (status === 429 || status >= 500) {
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      throw new RetryableError(status === 429 ? 'Salesforce asked Sidecar to slow down (429)' : `Salesforce is unavailable (${status})`, retryAfter, status);
    }
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new RetryableError(`Salesforce sent a response that is not JSON (status ${status})`, null, status);
    }
    if (status >= 400) throw await this.refusal(status, json, path);
    if (status === 300) throw new MultipleMatchesError(multipleIds(json));
    if (status === 204) return undefined as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new RetryableError(`Salesforce sent a response of an unexpected shape (status ${status})`, null, status);
    return parsed.data;
  }

  private async refusal(status: number, json: unknown, path: string): Promise<Error> {
    const first = firstError(json);
    // An org that does not serve the version answers every path with NOT_FOUND, like a missing
    // record; a retired version answers 410.
    if (status === 410 || (status === 404 && first?.errorCode === 'NOT_FOUND')) {
      const served = await this.servedVersion();
      if (served !== SALESFORCE_API_VERSION) return new ApiVersionError(SALESFORCE_API_VERSION, served);
    }
    if (!first) return new RetryableError(`Salesforce answered ${status} with an unreadable error`, null, status);
    if (first.errorCode === 'REQUEST_LIMIT_EXCEEDED') return new DailyLimitError('The org has used its daily API allowance', this.usage?.used ?? null, this.usage?.max ?? null);
    if (first.errorCode === 'INVALID_SESSION_ID') return new AuthError('Salesforce refused the session');
    if (first.errorCode === 'LIMIT_EXCEEDED' && path.endsWith('/composite')) return wholeCallRefusal(status, json);
    return new ApiError(status, first.errorCode, first.message, first.fields ?? []);
  }

  private versionCheck: Promise<string | null> | null = null;

  /**
   * `SALESFORCE_API_VERSION` when the org lists it (`GET /services/data`, asked once per client and
   * only after a NOT_FOUND), else the newest version it lists, or null when it lists none.
   */
  servedVersion(): Promise<string | null> {
    this.versionCheck ??= (async () => {
      const doFetch = this.options.fetch ?? fetch;
      let response: Response;
      try {
        response = await doFetch(`${this.instanceUrl}/services/data`, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
      } catch {
        throw new RetryableError('Salesforce could not be reached');
      }
      const list = Versions.safeParse(await response.json().catch(() => null));
      if (!response.ok || !list.success) throw new RetryableError('Salesforce did not say which API versions it serves', null, response.status);
      const versions = list.data.map((v) => `v${v.version.replace(/^v/, '')}`);
      if (versions.includes(SALESFORCE_API_VERSION)) return SALESFORCE_API_VERSION;
      return versions.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).at(-1) ?? null;
    })();
    this.versionCheck.catch(() => { this.versionCheck = null; });
    return this.versionCheck;
  }
}
