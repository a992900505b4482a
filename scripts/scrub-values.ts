/** Placeholders for scrub-fixture.ts: the page's own values map to fixed, known stand-ins. */
import type { CliOutput } from './parse';

export const PERSON_PLACEHOLDERS = {
  fullName: 'Ada Example',
  firstName: 'Ada',
  lastName: 'Example',
  headline: 'Placeholder Headline',
  title: 'Placeholder Title',
  company: 'Placeholder Company',
  location: 'Placeholder City',
  slug: 'ada-example',
  photo: 'https://media.licdn.com/dms/image/PLACEHOLDER-PHOTO/profile-displayphoto-shrink_200_200/0/1',
} as const;

export const COMPANY_PLACEHOLDERS = { name: 'Example Company', slug: 'example-company', domain: 'example.com', city: 'Placeholder City' } as const;

type Pair = readonly [real: string, placeholder: string];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const slugOf = (url: string | null) => (url ? url.slice(url.lastIndexOf('/') + 1) : null);

export function placeholdersFor(output: CliOutput): { pairs: Pair[]; photoId: string | null } {
  const pairs: Array<[string | null, string]> = [];
  let photoId: string | null = null;
  if (output.kind === 'linkedin-profile') {
    const p = output.person;
    const P = PERSON_PLACEHOLDERS;
    pairs.push([p.fullName, P.fullName], [p.headline, P.headline], [p.lastName, P.lastName], [p.firstName, P.firstName]);
    pairs.push([p.title, P.title], [p.company, P.company], [p.location, P.location], [slugOf(p.profileUrl), P.slug]);
    const companySlug = slugOf(p.companyLinkedinUrl);
    if (companySlug && !/^\d+$/.test(companySlug)) pairs.push([companySlug, 'placeholder-company']);
    photoId = p.photoUrl ? (/\/image\/([^/]+)\//.exec(p.photoUrl)?.[1] ?? null) : null;
  } else if (output.kind === 'linkedin-company') {
    const c = output.company;
    const C = COMPANY_PLACEHOLDERS;
    const label = c.domain ? c.domain.slice(0, c.domain.indexOf('.')) : null;
    pairs.push([c.name, C.name], [slugOf(c.linkedinUrl), C.slug], [c.domain, C.domain]);
    pairs.push([c.domain ? c.domain.replace(/\./g, '%2E') : null, C.domain.replace(/\./g, '%2E')], [label, 'example']);
    for (const part of (c.headquarters ?? '').split(',')) pairs.push([part.trim() || null, C.city]);
    // Category labels, not personal: they stay as they are.
    pairs.push([c.industry, c.industry ?? ''], [c.size, c.size ?? '']);
  }
  const usable = pairs.filter((pair): pair is [string, string] => !!pair[0] && pair[0].length >= 2);
  usable.sort((a, b) => b[0].length - a[0].length);
  return { pairs: usable, photoId };
}

export class Scrubber {
  private readonly rules: Array<[RegExp, string]>;
  private readonly urlRules: Array<[RegExp, string]>;
  private readonly placeholders: RegExp;
  private readonly numbers = new Map<string, number>();
  private readonly photoId: string | null;

  constructor({ pairs, photoId }: { pairs: Pair[]; photoId: string | null }) {
    this.rules = pairs.map(([real, ph]) => [new RegExp(escape(real), 'gi'), ph]);
    // In URLs a placeholder is written as a slug: "Example Company" → "example-company".
    this.urlRules = pairs.map(([real, ph]) => [new RegExp(escape(real), 'gi'), ph.toLowerCase().replace(/\s+/g, '-')]);
    const all = [...new Set(pairs.map(([, ph]) => ph))].sort((a, b) => b.length - a.length);
    this.placeholders = all.length ? new RegExp(all.map(escape).join('|'), 'g') : /$^/;
    this.photoId = photoId;
  }

  private numbered(prefix: string, key: string): string {
    if (!this.numbers.has(key)) this.numbers.set(key, this.numbers.size + 1);
    return `${prefix}${this.numbers.get(key)}`;
  }

  private replace(value: string, rules = this.rules): [string, boolean] {
    let out = value;
    let hit = false;
    for (const [re, ph] of rules) {
      re.lastIndex = 0;
      if (re.test(out)) {
        hit = true;
        out = out.replace(re, ph);
      }
    }
    return [out, hit];
  }

  /** A field value (or a short label around one) becomes its placeholder; other text `Text N`. */
  text(value: string, maxLeftover: number): string {
    const folded = value.replace(/\s+/g, ' ').trim();
    if (!folded) return folded;
    const [out, hit] = this.replace(folded);
    const leftover = out.replace(this.placeholders, '').replace(/[\s\p{P}\p{S}]+/gu, '');
    return hit && leftover.length <= maxLeftover ? out : this.numbered('Text ', folded);
  }

  url(value: string): string {
    if (/^mailto:/i.test(value)) return 'mailto:someone@example.com';
    if (/^tel:/i.test(value)) return 'tel:+10000000000';
    if (this.photoId && value.includes(this.photoId)) return PERSON_PLACEHOLDERS.photo;
    if (/media\.licdn\.com|media-exp\d*\.licdn\.com|m\d\.licdn\.com\/mpr/i.test(value)) {
      return `https://media.licdn.com/dms/image/${this.numbered('PLACEHOLDER-', value)}/image`;
    }
    const [out, hit] = this.replace(value, this.urlRules);
    // Member, company and school pages keep their shape; any other link becomes a placeholder.
    const kept = !/^https?:/i.test(value) || /^https?:\/\/static\.licdn\.com\//i.test(value)
      || /^https?:\/\/[a-z]{2,3}\.linkedin\.com\/(in|company|school)\//i.test(value)
      || (hit && /^https?:\/\/((www\.)?example\.com\/?$|www\.linkedin\.com\/redir\/)/i.test(out));
    if (!kept) return `https://www.example.com/${this.numbered('link-', value)}`;
    return out
      .replace(/ACoAA[\w-]+/g, 'ACoAAPLACEHOLDER')
      .replace(/\/in\/(?!ada-example\b)([^/?#"]+)/g, (_m, slug: string) => `/in/${this.numbered('member-', slug.toLowerCase())}`);
  }

  json(value: unknown, key = ''): unknown {
    if (typeof value === 'string') {
      if (key.startsWith('@') || key === '$type') return value;
      return /^https?:/.test(value) ? this.url(value) : this.text(value, 42);
    }
    if (Array.isArray(value)) return value.map((v) => this.json(v, key));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v, k)]));
    }
    return value;
  }
}
