import type { handleCommand } from '../background/commands';
import { benchHooks, type BenchHooks } from './bench-hooks';

export interface SidecarTestHooks {
  /** The keyboard shortcut's own handler; Playwright cannot press browser shortcuts. */
  handleCommand: typeof handleCommand;
  /** `npm run bench`: measurements that run inside the service worker (bench/README.md). */
  bench: BenchHooks;
}

declare global {
  var sidecarTestHooks: SidecarTestHooks | undefined;
}

/** Test builds only: expose the handlers end-to-end tests must reach from the service worker. */
export function installTestHooks(api: Omit<SidecarTestHooks, 'bench'>): void {
  globalThis.sidecarTestHooks = { ...api, bench: benchHooks };
}
