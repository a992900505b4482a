/**
 * What can go wrong talking to Salesforce, as types the sync engine acts on. Messages carry
 * Salesforce's error codes and Sidecar's words, never record values.
 */

/** Worth trying again later: network trouble, 5xx, 429, a malformed or truncated response. */
export class RetryableError extends Error {
  override readonly name: string = 'RetryableError';
  constructor(message: string, readonly retryAfterMs: number | null = null, readonly status: number | null = null) {
    super(message);
  }
}

/** The org's daily API allowance is spent (`REQUEST_LIMIT_EXCEEDED`), or Sidecar's share of it is. */
export class DailyLimitError extends Error {
  override readonly name = 'DailyLimitError';
  constructor(message: string, readonly used: number | null, readonly max: number | null) {
    super(message);
  }
}

/** The connection no longer works (revoked, refresh refused): the rep must connect again. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** Salesforce refused the request itself (a 4xx with its error list): retrying will not help. */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  constructor(readonly status: number, readonly errorCode: string, message: string, readonly fields: string[] = []) {
    super(`${errorCode}: ${message}`);
  }
}

/**
 * Salesforce refused a whole Composite call before running any of it (a `compositeResponse` whose one
 * entry has `referenceId: null`, or a top-level `LIMIT_EXCEEDED`): the same request would be refused
 * again, so it is never retried as it is. `limit` names the rule in Sidecar's words.
 */
export class WholeCallRefusedError extends ApiError {
  override readonly name = 'WholeCallRefusedError';
  constructor(status: number, errorCode: string, message: string, readonly limit: string) {
    super(status, errorCode, message);
  }
}

/** A Composite answer left out a sub-request Sidecar sent: nothing is assumed about it; the run is tried again later. */
export class IncompleteAnswerError extends RetryableError {
  override readonly name = 'IncompleteAnswerError';
}

/** An upsert by External ID answered 300: several records hold the value, so none was written. */
export class MultipleMatchesError extends ApiError {
  override readonly name = 'MultipleMatchesError';
  constructor(readonly ids: string[]) {
    super(300, 'MULTIPLE_RECORDS_FOUND', `${ids.length} records match the External ID`);
  }
}

/**
 * The org does not serve the API version Sidecar is written for (an org on an older release, or a
 * version the org has retired). `served` is the newest version the org lists, when it answered.
 */
export class ApiVersionError extends Error {
  override readonly name = 'ApiVersionError';
  constructor(readonly wanted: string, readonly served: string | null) {
    super(served ? `The org serves Salesforce API versions up to ${served}; Sidecar needs ${wanted}` : `The org does not serve Salesforce API ${wanted}`);
  }
}

export type SalesforceError = RetryableError | DailyLimitError | AuthError | ApiError | ApiVersionError;
