/**
 * A member profile (`/in/<slug>`), public or member view. Per field, strategies run in this order:
 * JSON-LD, embedded JSON data blocks, data-/aria-/id hooks and meta tags, the URL, class names.
 */
import type { LinkedInPerson } from '../../model/page-context';
import { absoluteUrl, attrOf, first, firstText, fold, metaContent, queryAll, textOf } from './dom';
import { splitFullName } from './names';
import { fromAria, fromClasses, fromExperience, fromJsonLd, fromSection, type Position } from './position';
import { SELECTORS } from './selectors';
import { resolve, type Strategy } from './strategy';
import { embeddedProfile, first as firstObject, jsonLdNodes, str, type JsonObject } from './structured';

const P = SELECTORS.profile;

/** Placeholder and 1×1 images LinkedIn shows when a member has no photo. */
const GHOST_PHOTO = /^data:|static\.licdn\.com\/(aero-v1|sc\/h)\/|spacer\.gif|icon_no_photo|ghost/i;

function photoFrom(el: Element | null, base: string): string | null {
  if (!el || /ghost/i.test(el.getAttribute('class') ?? '')) return null;
  for (const name of ['content', 'src', 'data-delayed-url', 'data-li-src']) {
    const url = absoluteUrl(attrOf(el, name), base);
    if (url && !GHOST_PHOTO.test(url)) return url;
  }
  return null;
}

function firstPhoto(doc: Document, selectors: readonly string[], base: string): string | null {
  for (const selector of selectors) {
    for (const el of queryAll(doc, selector)) {
      const url = photoFrom(el, base);
      if (url) return url;
    }
  }
  return null;
}

/** Member view: the location is the text just before the contact-info link's wrapper. */
function locationBeforeContactInfo(doc: Document): string | null {
  const link = first(doc, P.locationHooks);
  const wrapper = link?.parentElement;
  return textOf(wrapper?.previousElementSibling ?? null);
}

function jsonLdLocation(person: JsonObject | null): string | null {
  const address = person ? firstObject(person['address']) : null;
  return address ? str(address['addressLocality'], 300) : null;
}

function jsonLdPhoto(person: JsonObject | null, base: string): string | null {
  const image = person ? (firstObject(person['image']) ?? null) : null;
  const url = absoluteUrl(image ? str(image['contentUrl']) : str(person?.['image']), base);
  return url && !GHOST_PHOTO.test(url) ? url : null;
}

function embeddedName(entity: JsonObject | null): string | null {
  if (!entity) return null;
  return fold([str(entity['firstName']), str(entity['lastName'])].filter(Boolean).join(' '), 200);
}

export function parseProfile(doc: Document, url: string, slug: string, profileUrl: string, failed: string[]): LinkedInPerson {
  const person = jsonLdNodes(doc, 'Person').find((node) => str(node['name'])) ?? null;
  const embedded = embeddedProfile(doc, slug);
  const f = (field: string, strategies: ReadonlyArray<Strategy<string>>, max: number) => {
    const value = resolve(field, strategies, failed);
    return value ? fold(value, max) : null;
  };

  const fullName = f('fullName', [
    ['json-ld', () => str(person?.['name'], 200)],
    ['embedded-json', () => embeddedName(embedded)],
    ['hook', () => firstText(doc, P.fullNameHooks)],
    ['class', () => firstText(doc, P.fullNameClasses)],
  ], 200);
  const split = splitFullName(fullName);
  const firstName = f('firstName', [
    ['json-ld', () => str(person?.['givenName'])],
    ['embedded-json', () => str(embedded?.['firstName'])],
    ['meta', () => metaContent(doc, 'profile:first_name')],
    ['class', () => firstText(doc, P.givenNameClasses)],
    ['split', () => split.firstName],
  ], 100);
  const lastName = f('lastName', [
    ['json-ld', () => str(person?.['familyName'])],
    ['embedded-json', () => str(embedded?.['lastName'])],
    ['meta', () => metaContent(doc, 'profile:last_name')],
    ['class', () => firstText(doc, P.familyNameClasses)],
    ['split', () => split.lastName],
  ], 100);
  const headline = f('headline', [
    ['embedded-json', () => str(embedded?.['headline'], 400)],
    ['hook', () => firstText(doc, P.headlineHooks)],
    ['class', () => firstText(doc, P.headlineClasses)],
  ], 400);

  const sources: Array<[string, () => Position | null]> = [
    ['json-ld', () => fromJsonLd(person, url)],
    ['data-section', () => fromSection(doc, url)],
    ['aria', () => fromAria(doc)],
    ['experience', () => fromExperience(doc, url)],
    ['class', () => fromClasses(doc, url)],
  ];
  const cache = new Map<string, Position | null>();
  const at = (name: string, read: () => Position | null) => {
    if (!cache.has(name)) cache.set(name, read());
    return cache.get(name) ?? null;
  };
  const pick = (key: keyof Position) =>
    sources.map(([name, read]) => [name, () => at(name, read)?.[key] ?? null] as const);
  const title = f('title', pick('title'), 300);
  const company = f('company', pick('company'), 300);
  // A company page link counts only from a source that names the same company (or none).
  const companyLinkedinUrl = resolve('companyLinkedinUrl', sources.map(([name, read]) => [name, () => {
    const pos = at(name, read);
    const same = !pos?.company || !company || pos.company.toLowerCase() === company.toLowerCase();
    return same ? (pos?.companyUrl ?? null) : null;
  }] as const), failed);

  const location = f('location', [
    ['json-ld', () => jsonLdLocation(person)],
    ['hook', () => locationBeforeContactInfo(doc)],
    ['class', () => firstText(doc, P.locationClasses)],
  ], 300);
  const photoUrl = resolve('photoUrl', [
    ['json-ld', () => jsonLdPhoto(person, url)],
    ['hook', () => firstPhoto(doc, P.photoHooks, url)],
    ['class', () => firstPhoto(doc, P.photoClasses, url)],
  ], failed);

  return {
    fullName, firstName, lastName, headline, title, company, companyLinkedinUrl, location, profileUrl,
    photoUrl: photoUrl && photoUrl.length <= 2000 ? photoUrl : null,
  };
}
