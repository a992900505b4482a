/** Who may send a message. Each message type names the kinds it accepts. */
export type SenderKind = 'extension-page' | 'gmail-content' | 'linkedin-content' | 'website-content';

export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/**
 * Classify a runtime message's sender. Anything not from this extension is `null`. Extension pages
 * (side panel, options, the sidebar frame, whose Chrome URL carries a per-session id) have an
 * extension URL; content scripts carry the page's URL.
 */
export function classifySender(sender: MessageSenderLike, extensionId: string): SenderKind | null {
  if (!sender.id || sender.id !== extensionId || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (EXTENSION_SCHEMES.has(url.protocol)) return 'extension-page';
  if (url.protocol !== 'https:') return null;
  if (url.hostname === 'mail.google.com') return 'gmail-content';
  if (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com')) return 'linkedin-content';
  return 'website-content';
}
