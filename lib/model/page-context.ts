import { z } from 'zod';

export const Site = z.enum(['gmail', 'linkedin', 'website']);
export type Site = z.infer<typeof Site>;

/**
 * What a content script understood of the page it runs on. Later kinds (a LinkedIn profile, a Gmail
 * thread, a company website) join this union; `unknown` is always a valid, honest answer.
 */
export const UnknownPage = z.object({
  kind: z.literal('unknown'),
  site: Site,
  /** Machine-readable, never page text: `no-parser`, `auth-wall`, `not-found`, … */
  reason: z.string().regex(/^[a-z0-9-]{1,64}$/),
});

export const PageContext = z.discriminatedUnion('kind', [UnknownPage]);
export type PageContext = z.infer<typeof PageContext>;
