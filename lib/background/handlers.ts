import { createAccount, deleteAccount, updateAccount, type AccountInput } from '../db/accounts';
import { createContact, deleteContact, updateContact, type ContactInput } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { RepositoryError } from '../db/errors';
import { importTerritory } from '../db/import-territory';
import { storeCounts } from '../db/queries';
import { createRecord, deleteInTransaction, updateRecord } from '../db/records';
import { DEMO_TERRITORY_NAME, demoTerritory } from '../demo/demo-territory';
import { hasSampleData, removeSampleData } from '../db/sample-data';
import type { Handlers } from '../messaging/router';
import { onboarding } from '../settings/items';
import { loadPageContext, savePageContext } from './page-contexts';
import { withRegistrableDomain } from '../sites/registrable-domain';
import { createCaptureHandlers } from './capture-handlers';
import { createSalesforceHandlers } from './salesforce-handlers';
import { createSyncHandlers, type SyncServices } from './sync-handlers';
import { sendToTab } from './tabs';

const DONE = { done: true } as const;

function senderTabId(tab: { id?: number } | undefined): number {
  if (tab?.id === undefined) throw new RepositoryError('invalid', 'this message must come from a tab');
  return tab.id;
}

/**
 * What the background does for each message, once the router has parsed and allowed it. `sync`:
 * the worker's scheduler and Salesforce connection (built from `db` when none is given).
 */
export function createHandlers(db: SidecarDb, sync?: SyncServices): Handlers {
  return {
    ...createCaptureHandlers(db),
    ...createSalesforceHandlers(db, sync ? () => sync.scheduler.connectionChanged() : undefined),
    ...createSyncHandlers(db, sync),
    'page.report': async ({ context }, { sender }) => {
      await savePageContext(senderTabId(sender.tab), withRegistrableDomain(context));
      return DONE;
    },
    'page.get': async ({ tabId }, { sender }) => {
      // The sidebar frame lives in the tab it describes; the side panel names the tab it follows.
      const target = tabId ?? sender.tab?.id ?? null;
      return { tabId: target, context: target === null ? null : await loadPageContext(target) };
    },
    'sidebar.set-open': async ({ open }, { sender }) => {
      await sendToTab(senderTabId(sender.tab), { type: 'sidebar.set-open', payload: { open } });
      return DONE;
    },
    'store.summary': () => storeCounts(db),
    'account.save': async ({ id, fields }) => {
      const saved = id ? await updateAccount(db, id, fields) : await createAccount(db, fields as AccountInput);
      return { id: saved.id };
    },
    'contact.save': async ({ id, fields }) => {
      const saved = id ? await updateContact(db, id, fields) : await createContact(db, fields as ContactInput);
      return { id: saved.id };
    },
    'note.save': async ({ id, fields }) => {
      const saved = id ? await updateRecord(db, 'note', id, fields) : await createRecord(db, 'note', fields);
      return { id: saved.id };
    },
    'record.delete': async ({ recordType, id }) => {
      if (recordType === 'account') await deleteAccount(db, id);
      else if (recordType === 'contact') await deleteContact(db, id);
      else await db.transaction('rw', db.tables, () => deleteInTransaction(db, recordType, id, Date.now()));
      return DONE;
    },
    'demo.load': async () => {
      if (await hasSampleData(db)) throw new RepositoryError('duplicate', 'the demo territory is already loaded');
      const summary = await importTerritory(db, demoTerritory(Date.now()), Date.now(), { sample: true });
      await onboarding.setValue({ demoAnswered: true });
      return { accounts: summary.accounts, contacts: summary.contacts };
    },
    'demo.remove': async () => {
      await removeSampleData(db, DEMO_TERRITORY_NAME);
      return DONE;
    },
    'data.clear': async (_request, context) => {
      // Revoke the Salesforce grant before its refresh token is wiped with `secrets`, or it would stay live.
      await createSalesforceHandlers(db)['salesforce.disconnect']({}, context);
      await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
      return DONE;
    },
  };
}
