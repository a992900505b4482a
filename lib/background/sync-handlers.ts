import type { SidecarDb } from '../db/database';
import type { Handlers } from '../messaging/router';
import type { SYNC_MESSAGES } from '../messaging/protocol-sync';

type SyncHandlers = Pick<Handlers, keyof typeof SYNC_MESSAGES>;

/** Sync status, "Sync now", the conflict centre and the error centre. */
export function createSyncHandlers(db: SidecarDb): SyncHandlers {
  void db;
  return {};
}
