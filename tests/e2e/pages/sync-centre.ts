import type { Locator, Page, Worker } from '@playwright/test';
import type { SidecarTestHooks, SyncTestHooks } from '../../../lib/testing/test-hooks';

/** The side panel's sync status card, conflict centre and error centre. */
export class SyncCentre {
  readonly page: Page;
  readonly status: Locator;
  readonly syncNow: Locator;
  readonly connectionBadge: Locator;
  readonly conflicts: Locator;
  readonly errors: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.getByRole('region', { name: 'Sync', exact: true });
    this.syncNow = this.status.getByRole('button', { name: /^(Sync now|Syncing…)$/ });
    this.connectionBadge = page.locator('.app-header .badge').last();
    this.conflicts = page.getByRole('list', { name: 'Conflicts' });
    this.errors = page.getByRole('list', { name: 'Sync errors' });
  }

  /** One number of the status card ("Waiting", "Last sync", "Errors", "Conflicts"). */
  stat(name: string): Locator {
    return this.status.locator('dl.stats > div').filter({ has: this.page.locator('dt').getByText(name, { exact: true }) }).locator('dd');
  }

  conflict(text: string): Locator {
    return this.conflicts.getByRole('listitem').filter({ hasText: text });
  }

  issue(text: string): Locator {
    return this.errors.getByRole('listitem').filter({ hasText: text }).first();
  }
}

type SyncHookName = Exclude<keyof SyncTestHooks, 'scheduler'>;

/**
 * Call one of the test build's sync hooks inside the service worker (lib/testing/test-hooks.ts):
 * rows a pull or a push would write, a stand-in connection, the stored status.
 */
export function syncHook<K extends SyncHookName>(worker: Worker, name: K, ...args: Parameters<SyncTestHooks[K]>): Promise<Awaited<ReturnType<SyncTestHooks[K]>>> {
  return worker.evaluate(async ({ name, args }) => {
    const hooks = (self as unknown as { sidecarTestHooks?: SidecarTestHooks }).sidecarTestHooks;
    if (!hooks) throw new Error('no sidecarTestHooks in the service worker: is this the test build?');
    const hook = hooks.sync[name] as (...a: unknown[]) => unknown;
    return hook(...args);
  }, { name, args: args as unknown[] }) as Promise<Awaited<ReturnType<SyncTestHooks[K]>>>;
}
