/**
 * LinkedIn page understanding, pure: it reads `textContent` and attributes, never layout, never
 * writes the DOM, and never throws. Diagnostics name the selector strategies that found nothing
 * (never page text).
 * - `readLinkedIn` is what the content script runs. It does not load zod: the content script runs
 *   in every LinkedIn tab, and zod's schemas cost the page ~200 kB of script at every load. The
 *   background validates the context with the full schema when it arrives (router.ts).
 * - `parseLinkedIn` (parse-linkedin.ts) also validates with zod, for the parse CLI and the tests.
 */
import type { PageContext } from '../../model/page-context';
import { parseCompany } from './parse-company';
import { parseProfile } from './parse-profile';
import { recognize } from './recognize';

export interface LinkedInParse {
  context: PageContext;
  diagnostics: { failed: string[] };
}

export function unknown(reason: string, profileUrl?: string | null): PageContext {
  return profileUrl === undefined
    ? { kind: 'unknown', site: 'linkedin', reason }
    : { kind: 'unknown', site: 'linkedin', reason, profileUrl };
}

function understand(document: Document, url: string, failed: string[]): PageContext {
  const page = recognize(document, url);
  if (page.kind === 'unknown') return unknown(page.reason, page.profileUrl);
  if (page.kind === 'company') {
    const company = parseCompany(document, url, page.linkedinUrl, failed);
    return company.name ? { kind: 'linkedin-company', site: 'linkedin', company } : unknown('no-company');
  }
  const person = parseProfile(document, url, page.slug, page.profileUrl, failed);
  return person.fullName ? { kind: 'linkedin-profile', site: 'linkedin', person } : unknown('no-profile');
}

export function readLinkedIn(document: Document, url: string): LinkedInParse {
  const failed: string[] = [];
  try {
    return { context: understand(document, url, failed), diagnostics: { failed } };
  } catch {
    failed.push('exception');
    return { context: unknown('parse-error'), diagnostics: { failed } };
  }
}
