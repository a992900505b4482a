import { browser } from '../platform/browser';
import type { ContentEnvelope } from '../messaging/protocol';

/** Tell a tab's top-frame content script something (toggle or set its sidebar). */
export async function sendToTab(tabId: number, message: ContentEnvelope): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    return true;
  } catch {
    // No Sidecar content script in that tab (a page Sidecar does not run on): nothing to toggle.
    return false;
  }
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}
