/**
 * Which kind of LinkedIn page this is, from the URL first and a few page-level signals. Only
 * profile and company pages are parsed further; everything else is an honest `unknown`.
 */
import { normalizeLinkedInUrl } from '../../match/linkedin-url';
import { absoluteUrl, attrOf, first, queryAll } from './dom';
import { SELECTORS } from './selectors';

export type Recognized =
  | { kind: 'profile'; slug: string; profileUrl: string }
  | { kind: 'company'; linkedinUrl: string }
  | { kind: 'unknown'; reason: string; profileUrl?: string | null };

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

function slugOf(normalized: string): string {
  const last = normalized.slice(normalized.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Sales Navigator: the member's `/in/` profile, if the page links one (we do not guess markup). */
function linkedProfile(doc: Document, base: string): string | null {
  for (const a of queryAll(doc, SELECTORS.salesNavigator.profileLink[0])) {
    const href = absoluteUrl(a.getAttribute('href'), base);
    const normalized = href ? normalizeLinkedInUrl(href) : null;
    if (normalized?.includes('/in/')) return normalized;
  }
  return null;
}

/** An empty body that only redirects (or a login wall) has no member content to read. */
function isAuthWall(doc: Document, path: string): boolean {
  if (/^\/(authwall|login|signup|checkpoint|uas)(\/|$)/i.test(path)) return true;
  const body = doc.body;
  const empty = !body || (body.children.length === 0 && !(body.textContent ?? '').trim());
  return empty && first(doc, SELECTORS.refresh) !== null;
}

function isNotFound(doc: Document): boolean {
  const canonical = attrOf(first(doc, SELECTORS.canonical), 'href') ?? '';
  return /\/public-profile\/in\//i.test(canonical) || first(doc, SELECTORS.notFound) !== null;
}

export function recognize(doc: Document, url: string): Recognized {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown', reason: 'bad-url' };
  }
  if (!LINKEDIN_HOST.test(parsed.hostname)) return { kind: 'unknown', reason: 'not-linkedin' };
  const path = parsed.pathname;
  if (/^\/sales\/(lead|company|people)(\/|$)/i.test(path)) {
    return { kind: 'unknown', reason: 'sales-navigator', profileUrl: linkedProfile(doc, url) };
  }
  if (isAuthWall(doc, path)) return { kind: 'unknown', reason: 'auth-wall' };
  if (isNotFound(doc)) return { kind: 'unknown', reason: 'not-found' };
  const normalized = normalizeLinkedInUrl(url);
  if (normalized?.includes('/in/')) return { kind: 'profile', slug: slugOf(normalized), profileUrl: normalized };
  if (normalized?.includes('/company/')) return { kind: 'company', linkedinUrl: normalized };
  return { kind: 'unknown', reason: 'not-a-profile' };
}
