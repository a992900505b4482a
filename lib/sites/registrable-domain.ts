import { registrableDomain } from '../match/normalize';
import type { PageContext } from '../model';

/**
 * Fill `company.domain` from `company.website`. Content scripts leave it null (the public-suffix
 * list is too heavy to load in every tab); the background and the parse CLI call this.
 */
export function withRegistrableDomain(context: PageContext): PageContext {
  if (context.kind !== 'linkedin-company' || context.company.domain || !context.company.website) return context;
  let domain: string | null = null;
  try {
    domain = registrableDomain(new URL(context.company.website).hostname);
  } catch {
    domain = null;
  }
  return { ...context, company: { ...context.company, domain } };
}
