import { pullChanges, type PullSummary } from './pull';
import { pushOutbox, type PushSummary } from './push';
import type { SyncContext } from './context';

export interface SyncRunSummary {
  push: PushSummary;
  pull: PullSummary;
}

/**
 * One sync run: push the outbox, then pull what changed remotely. The same code runs in the
 * service worker (under a lock, from the scheduler) and in `npm run sync:once`.
 * Throws what stopped it (RetryableError, DailyLimitError, AuthError, ApiError); what was done
 * before that is already stored, so the next run goes on from there.
 */
export async function syncOnce(ctx: SyncContext): Promise<SyncRunSummary> {
  const push = await pushOutbox(ctx);
  const pull = await pullChanges(ctx);
  return { push, pull };
}
