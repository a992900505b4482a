import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/db/database';
import { accountCount, recentAccounts, recentActivities, recentContacts, recentNotes } from '../lib/db/queries';
import { hasSampleData } from '../lib/db/sample-data';
import { browser } from '../lib/platform/browser';
import { syncCounts } from '../lib/sync/sync-status';
import { DemoOffer } from './demo-offer';
import { AccountList, ActivityList, ContactList, NoteList } from './record-lists';
import { ConflictCentre } from './sync/conflict-centre';
import { ConnectionBadge } from './sync/connection-badge';
import { ErrorCentre } from './sync/error-centre';
import { SyncStatusCard } from './sync/sync-status-card';
import { useSyncStatus } from './sync/use-sync-status';

/** The full app, in the browser's side panel (Chrome) or sidebar (Firefox): the rep's territory. */
export function SidePanelApp() {
  const db = getDb();
  const accounts = useLiveQuery(() => recentAccounts(db), []);
  const contacts = useLiveQuery(() => recentContacts(db), []);
  const activities = useLiveQuery(() => recentActivities(db), []);
  const notes = useLiveQuery(() => recentNotes(db), []);
  const totalAccounts = useLiveQuery(() => accountCount(db), []);
  const hasDemo = useLiveQuery(() => hasSampleData(db), []);
  const status = useSyncStatus().data;
  // The counts straight from the store, live; the rest (connection, last run) from the background.
  const counts = useLiveQuery(() => syncCounts(db), []);
  const sync = status && counts ? { ...status, ...counts } : status;
  return (
    <>
      <header className="app-header">
        <h1>Sidecar</h1>
        <span className="spacer" />
        {hasDemo ? <span className="badge role" title="Sample data: never syncs to a CRM. Remove it in Settings.">Demo data</span> : null}
        <ConnectionBadge connection={sync?.connection} />
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
      </header>
      <main className="app-body">
        <DemoOffer accounts={totalAccounts} />
        <SyncStatusCard status={sync} />
        <ConflictCentre instanceUrl={sync?.instanceUrl} />
        <ErrorCentre instanceUrl={sync?.instanceUrl} />
        <h2 id="accounts-heading">Accounts</h2>
        {accounts ? <AccountList accounts={accounts} instanceUrl={sync?.instanceUrl} /> : null}
        <h2 id="contacts-heading">Contacts</h2>
        {contacts ? <ContactList contacts={contacts} instanceUrl={sync?.instanceUrl} /> : null}
        <h2 id="activities-heading">Recent activities</h2>
        {activities ? <ActivityList activities={activities} instanceUrl={sync?.instanceUrl} /> : null}
        <h2 id="notes-heading">Notes</h2>
        {notes ? <NoteList notes={notes} instanceUrl={sync?.instanceUrl} /> : null}
      </main>
    </>
  );
}
