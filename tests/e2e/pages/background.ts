import type { Worker } from '@playwright/test';

export interface ContentReport {
  type: string;
  url: string;
  tabId: number | null;
}

interface ProbeGlobal {
  sidecarContentReports?: ContentReport[];
}

/**
 * Record, inside the background service worker, every runtime message a content script sends
 * (type, frame URL and tab id). The listener answers nothing, so Sidecar's own listener still
 * replies. Install it before the page loads to see its first report.
 */
export async function recordContentReports(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(() => {
    const probe = self as unknown as ProbeGlobal;
    if (probe.sidecarContentReports) return;
    const reports: ContentReport[] = [];
    probe.sidecarContentReports = reports;
    chrome.runtime.onMessage.addListener((message: { type?: unknown }, sender) => {
      if (sender.tab && sender.url?.startsWith('https:')) {
        reports.push({ type: String(message?.type), url: sender.url, tabId: sender.tab.id ?? null });
      }
      return undefined;
    });
  });
}

export function contentReports(serviceWorker: Worker): Promise<ContentReport[]> {
  return serviceWorker.evaluate(() => (self as unknown as ProbeGlobal).sidecarContentReports ?? []);
}

/** The test build's keyboard-shortcut hook, for one tab. */
export function pressToggleShortcut(serviceWorker: Worker, tabId: number): Promise<boolean> {
  return serviceWorker.evaluate(async (id) => {
    const hooks = (self as unknown as { sidecarTestHooks?: { handleCommand(command: string, tabId?: number): Promise<boolean> } })
      .sidecarTestHooks;
    if (!hooks) throw new Error('no sidecarTestHooks in the service worker: is this the test build?');
    return hooks.handleCommand('toggle-sidebar', id);
  }, tabId);
}
