import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentEnvelope } from '../messaging/protocol';
import { sendToBackground } from '../messaging/client';
import type { Site } from '../model';
import { browser } from '../platform/browser';
import { sidebarOpenBySite } from '../settings/items';
import { createLauncher } from './launcher';
import { createSidebarFrame } from './sidebar-frame';
import { watchPage } from './watch-page';

/**
 * Everything a content script does on Gmail or LinkedIn: tell the background what the page is (now
 * and after every in-app navigation), and show the launcher tab and the sidebar frame, remembering
 * per site whether the rep left it open.
 */
export async function runSidebar(ctx: ContentScriptContext, site: Site): Promise<void> {
  // Gmail and LinkedIn are one site each, whatever the subdomain (se.linkedin.com is LinkedIn).
  const siteKey = site === 'website' ? location.hostname : site;
  const frame = createSidebarFrame(ctx);
  let open = false;

  const apply = (next: boolean) => {
    open = next;
    if (open && !frame.wrapper.isConnected) frame.mount();
    frame.wrapper.style.display = open ? 'block' : 'none';
    launcher.setOpen(open);
  };
  const setOpen = async (next: boolean) => {
    apply(next);
    const current = await sidebarOpenBySite.getValue();
    await sidebarOpenBySite.setValue({ ...current, [siteKey]: next });
  };
  const launcher = createLauncher(() => void setOpen(!open));
  document.documentElement.append(launcher.element);
  ctx.onInvalidated(() => launcher.element.remove());

  watchPage(ctx, site, (context) => {
    sendToBackground('page.report', { context }).catch(() => {
      // The background rejected or is restarting; the next change of page reports again.
    });
  });

  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only Sidecar's own background (no tab) may steer the sidebar; the page cannot reach here.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const message = ContentEnvelope.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === 'sidebar.toggle') void setOpen(!open);
    else void setOpen(message.data.payload.open);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const remembered = (await sidebarOpenBySite.getValue())[siteKey];
  apply(remembered ?? true);
}
