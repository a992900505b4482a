import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageContext, Site } from '../model';
import { parsePage } from '../sites/parse-page';

/** How long a page may take to render what Sidecar reads before the watcher gives up. */
export const SETTLE_TIMEOUT_MS = 10_000;
const DEBOUNCE_MS = 60;

/**
 * Who or what the page's content shows, to tell person B's page from person A's still on screen.
 * Only what the DOM says counts: the profile URL comes from the address bar, which is B's already.
 */
function identity(context: PageContext): string | null {
  if (context.kind === 'linkedin-profile') {
    const { fullName, headline, photoUrl } = context.person;
    return `p:${fullName ?? ''}|${headline ?? ''}|${photoUrl ?? ''}`;
  }
  if (context.kind === 'linkedin-company') return `c:${context.company.name ?? ''}|${context.company.website ?? ''}`;
  return null;
}

const recognised = (context: PageContext) => context.kind !== 'unknown';

/** Unknown reasons that mean "the right address, the content is not there yet": worth waiting for. */
const STILL_RENDERING = new Set(['no-profile', 'no-company']);

/**
 * Follow the page: parse it now, and again after each in-app navigation, and report what it shows.
 * - After a navigation the old page is still on screen for a while. When it showed someone, Sidecar
 *   first reports `loading`, then waits for what it reads to differ from that person before it
 *   reports the new one. Person A is never shown for B's URL.
 * - Sections rendered late are awaited with a MutationObserver that stops once the page is
 *   recognised, or after SETTLE_TIMEOUT_MS. Nothing polls.
 */
export function watchPage(ctx: ContentScriptContext, site: Site, report: (context: PageContext) => void): void {
  let observer: MutationObserver | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let lastIdentity: string | null = null;

  const stop = () => {
    observer?.disconnect();
    observer = null;
    clearTimeout(debounce);
    clearTimeout(deadline);
  };
  ctx.onInvalidated(stop);

  let lastReported = '';
  const reportOnce = (context: PageContext) => {
    const key = JSON.stringify(context);
    if (key === lastReported) return;
    lastReported = key;
    report(context);
  };
  /** Report what the page now shows; an unknown page shows nobody. */
  const accept = (context: PageContext) => {
    lastIdentity = identity(context);
    reportOnce(context);
  };

  const follow = (url: string, previous: string | null) => {
    stop();
    const attempt = (final: boolean) => {
      const context = parsePage(site, document, url);
      const fresh = identity(context) !== previous || previous === null;
      if (recognised(context) && fresh) {
        stop();
        accept(context);
      } else if (!recognised(context) && !final) {
        // Not one Sidecar reads: say so. Keep watching only a profile or company address whose
        // content is not rendered yet; a feed or a search page would only make it parse again and again.
        if (!STILL_RENDERING.has(context.kind === 'unknown' ? context.reason : '')) stop();
        accept(context);
      } else if (final) {
        stop();
        // Still the old person after the timeout (or nothing recognised): say so honestly.
        accept(recognised(context) && !fresh ? { kind: 'unknown', site, reason: 'not-loaded' } : context);
      }
    };
    observer = new MutationObserver(() => {
      clearTimeout(debounce);
      debounce = setTimeout(() => attempt(false), DEBOUNCE_MS);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    deadline = setTimeout(() => attempt(true), SETTLE_TIMEOUT_MS);
    // The page may already show the new URL's content (or, after a page that showed nobody, there
    // is no one to mistake it for): read it now rather than wait for a change.
    attempt(false);
  };

  // First load: once the document is parsed, what is there now, and keep watching if the interesting
  // part is not rendered yet. (The content script starts at document_start, to start the sidebar
  // frame early; nothing is read before the DOM is there.)
  if (document.readyState === 'loading') {
    ctx.addEventListener(document, 'DOMContentLoaded', () => follow(location.href, null), { once: true });
  } else follow(location.href, null);

  // WXT fires this as navigation starts, before the page changes: the new URL is on the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    const previous = lastIdentity;
    // Someone is on screen: clear them at once, so their card never stands beside the new URL.
    if (previous !== null) reportOnce({ kind: 'unknown', site, reason: 'loading' });
    follow(event.newUrl.href, previous);
  });
}
