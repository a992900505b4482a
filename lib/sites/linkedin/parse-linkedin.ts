import { PageContext } from '../../model/page-context';
import { withRegistrableDomain } from '../registrable-domain';
import { readLinkedIn, unknown, type LinkedInParse } from './index';

/** `readLinkedIn`, with the registrable domain filled in, then validated: what the parse CLI prints. */
export function parseLinkedIn(document: Document, url: string): LinkedInParse {
  const read = readLinkedIn(document, url);
  const result = PageContext.safeParse(withRegistrableDomain(read.context));
  if (result.success) return { context: result.data, diagnostics: read.diagnostics };
  return { context: unknown('parse-error'), diagnostics: { failed: [...read.diagnostics.failed, 'schema'] } };
}
