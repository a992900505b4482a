/**
 * When to try again after a retryable failure. Exponential with full jitter (AWS's "full jitter":
 * a random delay up to the exponential cap), never sooner than the server's `Retry-After`.
 * The result is stored as a timestamp (an outbox entry's `nextAttemptAt`, the sync pause), so a
 * retry survives the service worker being stopped; in-memory retry loops (p-retry and the like)
 * would not, which is why none is used here.
 */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 30 * 60_000;

export function retryDelay(attempts: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts));
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Salesforce's daily allowance is a rolling 24 hours; wait an hour and look again. */
export const DAILY_LIMIT_PAUSE_MS = 60 * 60_000;

/**
 * After a refusal that asking again cannot change (a whole Composite call refused, an API version the
 * org does not serve), automatic runs wait this long: a day, not a loop. "Sync now" tries at once.
 */
export const REFUSED_PAUSE_MS = 24 * 60 * 60_000;
