import type { PageContext, Site } from '../model';
import { readLinkedIn } from './linkedin';

/**
 * Read what the page shows. Pure: it reads the DOM and never writes it, sends nothing and never
 * throws. The content script runs this; the background validates the result with zod on arrival,
 * and the parse CLI validates it before printing. Site parsers (LinkedIn profiles and companies, Gmail threads, company websites) plug in
 * here as they land; until one recognises the page the answer is an honest `unknown`.
 */
export function parsePage(site: Site, document: Document, url: string): PageContext {
  if (site === 'linkedin') return readLinkedIn(document, url).context;
  return { kind: 'unknown', site, reason: 'no-parser' };
}
