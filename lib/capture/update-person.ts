import { captureAccount, matchAccounts } from '../db/accounts';
import { mergeContact, updateContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { notFound } from '../db/errors';
import { createRecord } from '../db/records';
import { normalizeAccountName } from '../match/normalize';
import type { Contact, LinkedInPerson } from '../model';
import type { NewCompanyRule } from './capture-person';
import { personToContactFields } from './person-fields';

/** The company the contact works at in Sidecar: their account's name, or a lead's company. */
export async function currentCompany(db: SidecarDb, contact: Contact): Promise<string | null> {
  if (contact.accountId) return (await db.accounts.get(contact.accountId))?.name ?? null;
  return contact.company;
}

/** A job change: LinkedIn names another company than the one Sidecar has. */
export async function detectJobChange(db: SidecarDb, contact: Contact, person: LinkedInPerson): Promise<{ from: string; to: string } | null> {
  const from = await currentCompany(db, contact);
  if (!from || !person.company) return null;
  return normalizeAccountName(from) === normalizeAccountName(person.company) ? null : { from, to: person.company };
}

/**
 * "Update from LinkedIn": take what the page shows now. On a job change the contact moves to the
 * new company's account (or becomes a lead there); activities stay on the old account, which gets
 * a note of the move. One transaction.
 */
export async function updateFromLinkedIn(
  db: SidecarDb, contactId: string, person: LinkedInPerson, options: { newCompany: NewCompanyRule }, now = Date.now(),
): Promise<Contact> {
  return db.transaction('rw', [db.accounts, db.contacts, db.notes, db.outbox], async () => {
    const contact = await db.contacts.get(contactId);
    if (!contact) throw notFound('contact', contactId);
    const { buyingRole: _suggested, ...fields } = personToContactFields(person);
    const patch: Parameters<typeof updateContact>[2] = mergeContact(contact, fields);
    const move = await detectJobChange(db, contact, person);
    if (move && person.company) {
      const [matches = []] = await matchAccounts(db, [{ name: person.company, linkedinUrl: person.companyLinkedinUrl }]);
      let accountId = matches.length === 1 ? matches[0]!.id : null;
      if (!accountId && options.newCompany === 'create-account') {
        const created = await captureAccount(db, { name: person.company, linkedinUrl: person.companyLinkedinUrl }, now);
        accountId = created.status === 'ambiguous' ? null : created.record.id;
      }
      Object.assign(patch, { accountId, kind: accountId ? 'contact' : 'lead', company: accountId ? null : person.company });
      if (contact.accountId) {
        const who = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
        const day = new Date(now).toISOString().slice(0, 10);
        await createRecord(db, 'note', {
          accountId: contact.accountId,
          body: `${who} moved to ${person.company} (seen on LinkedIn, ${day}). Their activities stay here.`,
        }, now);
      }
    }
    return updateContact(db, contactId, patch, now);
  });
}
