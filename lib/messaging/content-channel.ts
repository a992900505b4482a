import type { PageContext } from '../model';
import { browser } from '../platform/browser';
import type { ContentEnvelope } from './protocol';

/**
 * The content script's side of the protocol, kept free of zod: a content script runs in every
 * Gmail and LinkedIn tab, and zod's schemas cost the host page ~200 kB of script to compile and
 * build at every load (bench: linkedin.main-thread.overhead). The background still parses every
 * payload with the full schemas on arrival (router.ts), so nothing unvalidated gets in.
 */

/** Tell the background what this page shows. Resolves false when it refused or is unreachable. */
export async function reportPage(context: PageContext): Promise<boolean> {
  try {
    const reply: unknown = await browser.runtime.sendMessage({ type: 'page.report', payload: { context } });
    return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

/**
 * The background's messages to the content script, checked field by field: anything that is not
 * exactly one of them is ignored.
 */
export function readContentMessage(raw: unknown): ContentEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const keys = Object.keys(payload);
  if (type === 'sidebar.toggle' && keys.length === 0) return { type, payload: {} };
  const open = (payload as { open?: unknown }).open;
  if (type === 'sidebar.set-open' && keys.length === 1 && typeof open === 'boolean') return { type, payload: { open } };
  return null;
}
