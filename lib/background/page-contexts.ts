import { storage } from 'wxt/utils/storage';
import { PageContext } from '../model';

/**
 * What each tab's content script understood of its page, kept in `storage.session`: it survives a
 * service-worker restart, is gone when the browser closes, and content scripts cannot read it.
 */
const keyFor = (tabId: number) => `session:pageContext:${tabId}` as const;

export async function savePageContext(tabId: number, context: PageContext): Promise<void> {
  await storage.setItem(keyFor(tabId), context);
}

export async function loadPageContext(tabId: number): Promise<PageContext | null> {
  const stored = await storage.getItem<unknown>(keyFor(tabId));
  const parsed = PageContext.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function forgetPageContext(tabId: number): Promise<void> {
  await storage.removeItem(keyFor(tabId));
}

/** Extension pages call this to follow one tab's page context as it changes. */
export function watchPageContext(tabId: number, onChange: (context: PageContext | null) => void): () => void {
  return storage.watch<unknown>(keyFor(tabId), (value) => {
    const parsed = PageContext.safeParse(value);
    onChange(parsed.success ? parsed.data : null);
  });
}
