import { useLiveQuery } from 'dexie-react-hooks';
import type { Account, Activity, Contact, Note } from '../lib/model';
import { fullName } from '../lib/model';
import { getDb } from '../lib/db/database';
import { accountNamesFor, contactNamesFor } from '../lib/db/queries';
import { ACCOUNT_TYPE_LABEL, BUYING_ROLE_LABEL, timeAgo } from './format';
import { NoteBody } from './notes/note-body';
import { SalesforceLink } from './sync/salesforce-link';

/** The connected org's address ("Open in Salesforce" on every synced record), or null. */
type Org = { instanceUrl?: string | null };

export function AccountList({ accounts, instanceUrl }: { accounts: Account[] } & Org) {
  if (!accounts.length) return <p className="muted">No accounts yet.</p>;
  return (
    <ul className="list" aria-label="Accounts">
      {accounts.map((a) => (
        <li key={a.id}>
          <div>
            <div className="primary-line">{a.name}</div>
            <div className="secondary-line">{[a.domains[0], a.industry, a.location?.city].filter(Boolean).join(' · ')}</div>
          </div>
          <span className={`badge ${a.type}`}>{ACCOUNT_TYPE_LABEL[a.type]}</span>
          <SalesforceLink instanceUrl={instanceUrl} id={a.remote.salesforce?.id} />
        </li>
      ))}
    </ul>
  );
}

export function ContactList({ contacts, instanceUrl }: { contacts: Contact[] } & Org) {
  const names = useLiveQuery(() => accountNamesFor(getDb(), contacts.map((c) => c.accountId)), [contacts]);
  if (!contacts.length) return <p className="muted">No contacts yet.</p>;
  return (
    <ul className="list" aria-label="Contacts">
      {contacts.map((c) => (
        <li key={c.id}>
          <div>
            <div className="primary-line">{fullName(c)}</div>
            <div className="secondary-line">
              {[c.title, (c.accountId && names?.get(c.accountId)) || c.company].filter(Boolean).join(' · ')}
            </div>
          </div>
          {c.kind === 'lead' ? <span className="badge lead">Lead</span> : null}
          {c.buyingRole ? <span className="badge role">{BUYING_ROLE_LABEL[c.buyingRole]}</span> : null}
          <SalesforceLink instanceUrl={instanceUrl} id={c.remote.salesforce?.id} />
        </li>
      ))}
    </ul>
  );
}

const ACTIVITY_LABEL = { email: 'Email', call: 'Call', meeting: 'Meeting', linkedin: 'LinkedIn', note: 'Note' } as const;

export function ActivityList({ activities, instanceUrl }: { activities: Activity[] } & Org) {
  const names = useLiveQuery(() => accountNamesFor(getDb(), activities.map((a) => a.accountId)), [activities]);
  if (!activities.length) return <p className="muted">No activities yet.</p>;
  return (
    <ul className="list" aria-label="Recent activities">
      {activities.map((a) => (
        <li key={a.id}>
          <div>
            <div className="primary-line">{a.subject}</div>
            <div className="secondary-line">
              {[ACTIVITY_LABEL[a.type], a.accountId ? names?.get(a.accountId) : null, timeAgo(a.occurredAt)].filter(Boolean).join(' · ')}
            </div>
          </div>
          <SalesforceLink instanceUrl={instanceUrl} id={a.remote.salesforce?.id} />
        </li>
      ))}
    </ul>
  );
}

/** Notes across the territory, newest first, each with the account or person it is on. */
export function NoteList({ notes, instanceUrl }: { notes: Note[] } & Org) {
  const names = useLiveQuery(() => accountNamesFor(getDb(), notes.map((n) => n.accountId)), [notes]);
  const people = useLiveQuery(() => contactNamesFor(getDb(), notes.map((n) => n.contactId)), [notes]);
  if (!notes.length) return <p className="muted">No notes yet.</p>;
  return (
    <ul className="list" aria-label="Notes">
      {notes.map((n) => (
        <li key={n.id} className="note">
          <div className="secondary-line">
            {[n.pinned ? 'Pinned' : null, (n.accountId && names?.get(n.accountId)) || (n.contactId && people?.get(n.contactId)), timeAgo(n.updatedAt)]
              .filter(Boolean).join(' · ')}
          </div>
          <NoteBody body={n.body} />
          <SalesforceLink instanceUrl={instanceUrl} id={n.remote.salesforce?.id} />
        </li>
      ))}
    </ul>
  );
}
