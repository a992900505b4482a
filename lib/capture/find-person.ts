import type { SidecarDb } from '../db/database';
import { findContactByLinkedInUrl } from '../db/contacts';
import { normalizeAccountName } from '../match/normalize';
import type { Contact, LinkedInPerson } from '../model';

const fold = (s: string | null | undefined) => (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The contact this LinkedIn person already is: by LinkedIn URL, then by name plus company (a
 * contact captured from an email, before anyone saw their profile). A LinkedIn page shows no email,
 * so the email step of the rule happens at capture, when one is known.
 */
export async function findKnownPerson(db: SidecarDb, person: LinkedInPerson): Promise<Contact | undefined> {
  const byUrl = await findContactByLinkedInUrl(db, person.profileUrl);
  if (byUrl) return byUrl;
  const lastName = person.lastName ?? person.fullName;
  if (!lastName || !person.company) return undefined;
  const company = normalizeAccountName(person.company);
  const candidates = await db.contacts.where('lastName').equalsIgnoreCase(lastName).toArray();
  for (const contact of candidates) {
    if (contact.linkedinUrl && contact.linkedinUrl !== person.profileUrl) continue; // someone else's profile
    if (person.firstName && contact.firstName && fold(contact.firstName) !== fold(person.firstName)) continue;
    const accountName = contact.accountId ? (await db.accounts.get(contact.accountId))?.name : contact.company;
    if (accountName && normalizeAccountName(accountName) === company) return contact;
  }
  return undefined;
}
