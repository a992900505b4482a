/**
 * One refresh of the Salesforce session at a time, in every context of the extension. Within one
 * context, callers share the refresh already in flight; across contexts (the service worker, an
 * extension page, a restarted worker), the Web Locks API serialises them. Disconnect takes the same
 * lock, so a refresh never saves a token after the connection was cleared.
 */

export const REFRESH_LOCK = 'sidecar-salesforce-refresh';

/** The part of `navigator.locks` Sidecar uses; tests can hand in their own. */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** `navigator.locks` where the platform has it (browsers); elsewhere (Node 20) the in-flight promise alone. */
export function platformLocks(): Locks | null {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  // The DOM typing nests the callback's promise; the lock resolves with what the callback resolves with.
  return locks ? { request: <T>(name: string, callback: () => Promise<T>) => locks.request(name, callback) as Promise<T> } : null;
}

export function withRefreshLock<T>(locks: Locks | null, job: () => Promise<T>): Promise<T> {
  return locks ? locks.request(REFRESH_LOCK, job) : job();
}

/** Shares one promise among callers until it settles: the refresh already in flight. */
export class InFlight<T> {
  private current: Promise<T> | null = null;

  run(job: () => Promise<T>): Promise<T> {
    if (this.current) return this.current;
    const started = job().finally(() => {
      if (this.current === started) this.current = null;
    });
    this.current = started;
    return started;
  }
}
