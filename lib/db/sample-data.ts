import type { SidecarDb } from './database';
import { deleteAccount } from './accounts';
import { deleteContact } from './contacts';
import { deleteInTransaction, tableFor } from './records';

/** Whether any sample (demo) record is in the store. */
export async function hasSampleData(db: SidecarDb): Promise<boolean> {
  return (await db.accounts.filter((a) => a.sample).count()) > 0 || (await db.contacts.filter((c) => c.sample).count()) > 0;
}

/**
 * Remove the demo territory and every sample record, in one transaction. Real records the rep
 * added to a sample account stay: people become leads, their own notes go with the account.
 */
export async function removeSampleData(db: SidecarDb, territoryName: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const account of await db.accounts.filter((a) => a.sample).toArray()) await deleteAccount(db, account.id, now);
    for (const contact of await db.contacts.filter((c) => c.sample).toArray()) await deleteContact(db, contact.id, now);
    for (const type of ['opportunity', 'activity', 'note', 'task'] as const) {
      const ids = await tableFor(db, type).filter((r) => r.sample).primaryKeys();
      for (const id of ids) await deleteInTransaction(db, type, id, now);
    }
    await db.territories.where('name').equals(territoryName).delete();
  });
}
