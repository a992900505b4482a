import { activeTabId, sendToTab } from './tabs';

export const TOGGLE_SIDEBAR = 'toggle-sidebar';

/**
 * The keyboard shortcut's handler (manifest `commands`). Playwright cannot press browser
 * shortcuts, so the test build exposes this same function as a test hook.
 */
export async function handleCommand(command: string, tabId?: number): Promise<boolean> {
  if (command !== TOGGLE_SIDEBAR) return false;
  const target = tabId ?? (await activeTabId());
  if (target === null) return false;
  return sendToTab(target, { type: 'sidebar.toggle', payload: {} });
}
