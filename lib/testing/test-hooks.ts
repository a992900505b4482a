import type { handleCommand } from '../background/commands';

export interface SidecarTestHooks {
  /** The keyboard shortcut's own handler; Playwright cannot press browser shortcuts. */
  handleCommand: typeof handleCommand;
}

declare global {
  var sidecarTestHooks: SidecarTestHooks | undefined;
}

/** Test builds only: expose the handlers end-to-end tests must reach from the service worker. */
export function installTestHooks(api: SidecarTestHooks): void {
  globalThis.sidecarTestHooks = api;
}
