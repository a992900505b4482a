import { captureAccount, matchAccounts } from '../db/accounts';
import { mergeContact, updateContact, upsertContacts } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { RepositoryError } from '../db/errors';
import type { Account, LinkedInPerson } from '../model';
import { findKnownPerson } from './find-person';
import { personToContactFields } from './person-fields';

/** When the person's company is no account yet: keep them as a lead (default), or create the account. */
export type NewCompanyRule = 'lead' | 'create-account';

export interface CaptureOutcome {
  contactId: string;
  accountId: string | null;
  /** Whether this capture made a new contact: only then is Undo offered. */
  createdContact: boolean;
  /** The account this capture created, which its Undo removes too. */
  createdAccountId: string | null;
}

/**
 * One click on a profile: the person becomes a contact of the account that has their company's
 * LinkedIn page (or name), or a lead when none does (configurable). Never a second contact for the
 * same LinkedIn URL. `accountId` answers an earlier "which account?" when several matched.
 */
export async function capturePerson(
  db: SidecarDb, person: LinkedInPerson, options: { newCompany: NewCompanyRule; accountId?: string | null }, now = Date.now(),
): Promise<CaptureOutcome | { ambiguous: Account[] }> {
  return db.transaction('rw', [db.accounts, db.contacts, db.outbox], async () => {
    const known = await findKnownPerson(db, person);
    let account: Account | null = options.accountId ? ((await db.accounts.get(options.accountId)) ?? null) : null;
    if (options.accountId && !account) throw new RepositoryError('not-found', 'that account no longer exists');
    let createdAccountId: string | null = null;
    if (!account && person.company && !known?.accountId) {
      const [matches = []] = await matchAccounts(db, [{ name: person.company, linkedinUrl: person.companyLinkedinUrl }]);
      if (matches.length > 1) return { ambiguous: matches };
      account = matches[0] ?? null;
      if (!account && options.newCompany === 'create-account') {
        const created = await captureAccount(db, { name: person.company, linkedinUrl: person.companyLinkedinUrl }, now);
        if (created.status !== 'ambiguous') {
          account = created.record;
          createdAccountId = created.status === 'created' ? created.record.id : null;
        }
      }
    }
    const fields = personToContactFields(person);
    if (known) {
      // Known by name plus company: this profile is theirs now, so the next visit matches by URL.
      const updated = await updateContact(db, known.id, mergeContact(known, { ...fields, linkedinUrl: person.profileUrl }), now);
      return { contactId: updated.id, accountId: updated.accountId, createdContact: false, createdAccountId };
    }
    const accountId = account?.id ?? null;
    const [result] = await upsertContacts(db, [{
      ...fields,
      kind: accountId ? 'contact' : 'lead',
      accountId,
      company: accountId ? null : person.company,
    }], now);
    if (!result || result.status === 'ambiguous') throw new RepositoryError('invalid', 'the contact could not be saved');
    return { contactId: result.record.id, accountId, createdContact: result.status === 'created', createdAccountId };
  });
}
