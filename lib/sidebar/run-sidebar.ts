import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readContentMessage, reportPage } from '../messaging/content-channel';
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
  // Read first, so the storage round trip overlaps the rest of the start-up.
  const rememberedOpen = sidebarOpenBySite.getValue();
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
    void reportPage(context).then((accepted) => {
      // The background refused what the parser made of this page: say so rather than show nothing.
      if (!accepted && context.kind !== 'unknown') void reportPage({ kind: 'unknown', site, reason: 'parse-error' });
    });
  });

  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only Sidecar's own background (no tab) may steer the sidebar; the page cannot reach here.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const message = readContentMessage(raw);
    if (!message) return;
    if (message.type === 'sidebar.toggle') void setOpen(!open);
    else void setOpen(message.payload.open);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  apply((await rememberedOpen)[siteKey] ?? true);
}
