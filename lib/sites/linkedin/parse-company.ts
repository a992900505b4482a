/**
 * A company page (`/company/<slug>`), public view. Strategies per field: JSON-LD Organization,
 * then `data-test-id="about-us__…"` hooks, then class names. JSON-LD `numberOfEmployees` counts
 * LinkedIn members who list the company, not its size band, so size comes from the page only.
 */
import type { LinkedInCompany } from '../../model/page-context';
import { absoluteUrl, first, firstText, fold, metaContent } from './dom';
import { SELECTORS } from './selectors';
import { resolve } from './strategy';
import { first as firstObject, jsonLdNodes, str, type JsonObject } from './structured';

const C = SELECTORS.company;

/** An outside website (not a LinkedIn URL); LinkedIn's `/redir/redirect?url=` wrapper is unwrapped. */
export function websiteUrl(raw: string | null, base: string): string | null {
  const absolute = absoluteUrl(raw, base);
  if (!absolute) return null;
  const url = new URL(absolute);
  if (/(^|\.)linkedin\.com$/i.test(url.hostname)) {
    return url.pathname.startsWith('/redir/redirect') ? websiteUrl(url.searchParams.get('url'), base) : null;
  }
  return absolute;
}

function websiteFromHook(doc: Document, base: string): string | null {
  const link = first(doc, C.website.slice(0, 1));
  return websiteUrl(firstText(doc, C.website), base) ?? websiteUrl(link?.getAttribute('href') ?? null, base);
}

function jsonLdHeadquarters(org: JsonObject | null): string | null {
  const address = org ? firstObject(org['address']) : null;
  if (!address) return null;
  const parts = [str(address['addressLocality']), str(address['addressRegion'])].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function jsonLdWebsite(org: JsonObject | null, base: string): string | null {
  if (!org) return null;
  const sameAs: unknown = org['sameAs'];
  const candidates: unknown[] = Array.isArray(sameAs) ? sameAs : [sameAs];
  for (const candidate of candidates) {
    const url = websiteUrl(str(candidate), base);
    if (url) return url;
  }
  return null;
}

export function parseCompany(doc: Document, url: string, linkedinUrl: string, failed: string[]): LinkedInCompany {
  const org = jsonLdNodes(doc, 'Organization').find((node) => str(node['name'])) ?? null;
  const text = (field: string, max: number, fromJsonLd: () => string | null, selectors: readonly string[]) =>
    fold(resolve(field, [['json-ld', fromJsonLd], ['hook', () => firstText(doc, selectors)]], failed), max);

  const name = fold(resolve('name', [
    ['json-ld', () => str(org?.['name'], 300)],
    ['meta', () => fold(metaContent(doc, 'og:title')?.replace(/\s*\|\s*LinkedIn\s*$/i, ''))],
    ['class', () => firstText(doc, C.nameClasses)],
  ], failed), 300);
  const website = resolve('website', [
    ['json-ld', () => jsonLdWebsite(org, url)],
    ['hook', () => websiteFromHook(doc, url)],
  ], failed);
  return {
    name,
    linkedinUrl,
    website: website && website.length <= 500 ? website : null,
    // The registrable domain needs the public-suffix list (~140 kB): too heavy for a script that runs in
    // every LinkedIn tab. `withRegistrableDomain` fills it where that list is loaded already (the
    // background, the parse CLI).
    domain: null,
    industry: text('industry', 200, () => str(org?.['industry'], 200), C.industry),
    size: text('size', 100, () => null, C.size),
    headquarters: text('headquarters', 300, () => jsonLdHeadquarters(org), C.headquarters),
  };
}
