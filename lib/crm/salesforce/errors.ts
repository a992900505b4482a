/**
 * What can go wrong talking to Salesforce, as types the sync engine acts on. Messages carry
 * Salesforce's error codes and Sidecar's words, never record values.
 */

/** Worth trying again later: network trouble, 5xx, 429, a malformed or truncated response. */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
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
  override readonly name = 'ApiError';
  constructor(readonly status: number, readonly errorCode: string, message: string, readonly fields: string[] = []) {
    super(`${errorCode}: ${message}`);
  }
}

export type SalesforceError = RetryableError | DailyLimitError | AuthError | ApiError;
