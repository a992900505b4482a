import { pullChanges, type PullSummary } from './pull';
import { pushOutbox, type PushSummary } from './push';
import type { SyncContext } from './context';

export interface SyncRunSummary {
  push: PushSummary;
  pull: PullSummary;
}

/**
 * One sync run: pull what changed remotely, then push the outbox. Pulling first is what makes the
 * merge three-way: a field both sides changed becomes a conflict and is held back from the push,
 * instead of the push overwriting a colleague's edit it has not seen yet. The same code runs in the
 * service worker (under a lock, from the scheduler) and in `npm run sync:once`.
 * Throws what stopped it (RetryableError, DailyLimitError, AuthError, ApiError); what was done
 * before that is already stored, so the next run goes on from there.
 */
export async function syncOnce(ctx: SyncContext): Promise<SyncRunSummary> {
  const pull = await pullChanges(ctx);
  const push = await pushOutbox(ctx);
  return { push, pull };
}
