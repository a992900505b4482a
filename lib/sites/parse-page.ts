import type { PageContext, Site } from '../model';

/**
 * Read what the page shows. Pure: it reads the DOM and never writes it, sends nothing and never
 * throws. Site parsers (LinkedIn profiles and companies, Gmail threads, company websites) plug in
 * here as they land; until one recognises the page the answer is an honest `unknown`.
 */
export function parsePage(site: Site, _document: Document, _url: string): PageContext {
  return { kind: 'unknown', site, reason: 'no-parser' };
}
