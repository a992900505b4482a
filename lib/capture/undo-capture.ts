import { deleteAccount } from '../db/accounts';
import { deleteContact } from '../db/contacts';
import type { SidecarDb } from '../db/database';
import { RepositoryError } from '../db/errors';
import { UNDO_WINDOW_MS } from '../model';

/**
 * Take a capture back within the undo window: the contact goes, and the account the capture
 * created goes too when nobody else is on it. Nothing reached a CRM yet: no entry is due before the
 * window ends, so the pending entries simply lose these records.
 */
export async function undoCapture(
  db: SidecarDb, capture: { contactId: string; createdAccountId: string | null }, now = Date.now(),
): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const contact = await db.contacts.get(capture.contactId);
    if (!contact) return; // already gone: undo is idempotent
    if (now - contact.createdAt > UNDO_WINDOW_MS) {
      throw new RepositoryError('invalid', 'the undo window has passed; delete the contact instead');
    }
    await deleteContact(db, contact.id, now);
    if (capture.createdAccountId && (await db.contacts.where('accountId').equals(capture.createdAccountId).count()) === 0) {
      await deleteAccount(db, capture.createdAccountId, now);
    }
  });
}
