/** The current position (title, company, company page) from each place a LinkedIn page shows it. */
import { normalizeLinkedInUrl } from '../../match/linkedin-url';
import { absoluteUrl, first, firstText, fold, query, queryAll, textOf } from './dom';
import { SELECTORS } from './selectors';
import { first as firstObject, str, type JsonObject } from './structured';

export interface Position {
  title: string | null;
  company: string | null;
  companyUrl: string | null;
}

const P = SELECTORS.profile;

/** A `/company/<id-or-slug>` page URL, normalised; search links and other pages give null. */
export function companyPageUrl(href: string | null | undefined, base: string): string | null {
  const absolute = absoluteUrl(href, base);
  const normalized = absolute ? normalizeLinkedInUrl(absolute) : null;
  return normalized && normalized.includes('/company/') ? normalized : null;
}

function linkIn(root: Element, base: string): string | null {
  for (const a of queryAll(root, P.companyLink[0])) {
    const url = companyPageUrl(a.getAttribute('href'), base);
    if (url) return url;
  }
  return null;
}

/** JSON-LD Person: `jobTitle[0]` and `worksFor[0]`. */
export function fromJsonLd(person: JsonObject | null, base: string): Position | null {
  if (!person) return null;
  const org = firstObject(person['worksFor']);
  return {
    title: str(person['jobTitle'], 300),
    company: org ? str(org['name'], 300) : null,
    companyUrl: org ? companyPageUrl(str(org['url']), base) : null,
  };
}

/** `data-section="currentPositionsDetails"` (public top card, 2016 position list). */
export function fromSection(doc: Document, base: string): Position | null {
  const root = first(doc, P.currentPositionHooks);
  if (!root) return null;
  const company = firstText(root, P.positionCompany) ?? textOf(query(root, P.companyLink[0]));
  return { title: firstText(root, P.positionTitle.slice(0, 1)), company, companyUrl: linkIn(root, base) };
}

/** The member view's "Current company: X" button (its text is the company name). */
export function fromAria(doc: Document): Position | null {
  const button = first(doc, P.currentCompanyAria);
  if (!button) return null;
  const label = (button.getAttribute('aria-label') ?? '').replace(/^Current company:\s*/, '').replace(/\.\s*Click to skip.*$/s, '');
  return { title: null, company: textOf(button) ?? fold(label, 300), companyUrl: null };
}

/** The member view's first Experience entry: single role, or a company header with nested roles. */
export function fromExperience(doc: Document, base: string): Position | null {
  const section = first(doc, P.experienceAnchor)?.closest('section') ?? null;
  const entity = first(section, P.experienceEntity);
  if (!entity) return null;
  const nested = first(entity, P.entityNested);
  const companyUrl = linkIn(entity, base);
  if (nested) {
    return { title: firstText(nested, P.entityBold), company: firstText(entity, P.entityBold), companyUrl };
  }
  const subtitle = firstText(entity, P.entitySubtitle);
  const company = subtitle ? fold(subtitle.split(' · ')[0]) : null;
  return { title: firstText(entity, P.entityBold), company, companyUrl };
}

/** Older layouts: the first current position block, read by class names. */
export function fromClasses(doc: Document, base: string): Position | null {
  const root = first(doc, P.positionClasses);
  if (!root) return null;
  return { title: firstText(root, P.positionTitle), company: firstText(root, P.positionCompany), companyUrl: linkIn(root, base) };
}
