import { z } from 'zod';

export const Site = z.enum(['gmail', 'linkedin', 'website']);
export type Site = z.infer<typeof Site>;

/** Text read from a page: trimmed, bounded, or null when the page does not show it. */
const PageText = (max: number) => z.string().max(max).nullable();

/**
 * What a content script understood of the page it runs on. `unknown` is always a valid, honest
 * answer. Field names are fixed by the `parse` CLI contract (DESIGN.md, issue 3).
 */
export const UnknownPage = z.object({
  kind: z.literal('unknown'),
  site: Site,
  /** Machine-readable, never page text: `no-parser`, `auth-wall`, `not-found`, `sales-navigator`, … */
  reason: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** Sales Navigator pages: the member's `/in/` profile, when the page links to it. */
  profileUrl: z.url({ protocol: /^https$/ }).nullable().optional(),
});

export const LinkedInPerson = z.object({
  fullName: PageText(200),
  firstName: PageText(100),
  lastName: PageText(100),
  headline: PageText(400),
  /** The current position's title and company. */
  title: PageText(300),
  company: PageText(300),
  companyLinkedinUrl: PageText(500),
  location: PageText(300),
  /** `https://www.linkedin.com/in/<slug>`: no trailing slash or query, country subdomains folded. */
  profileUrl: z.string().max(500),
  photoUrl: PageText(2000),
});
export type LinkedInPerson = z.infer<typeof LinkedInPerson>;

export const LinkedInProfilePage = z.object({
  kind: z.literal('linkedin-profile'),
  site: z.literal('linkedin'),
  person: LinkedInPerson,
});

export const LinkedInCompany = z.object({
  name: PageText(300),
  linkedinUrl: z.string().max(500),
  website: PageText(500),
  /** Registrable domain of the website. */
  domain: PageText(255),
  industry: PageText(200),
  size: PageText(100),
  headquarters: PageText(300),
});
export type LinkedInCompany = z.infer<typeof LinkedInCompany>;

export const LinkedInCompanyPage = z.object({
  kind: z.literal('linkedin-company'),
  site: z.literal('linkedin'),
  company: LinkedInCompany,
});

export const PageContext = z.discriminatedUnion('kind', [UnknownPage, LinkedInProfilePage, LinkedInCompanyPage]);
export type PageContext = z.infer<typeof PageContext>;
