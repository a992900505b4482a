import type { SidecarDb } from '../db/database';
import type { Handlers } from '../messaging/router';
import type { SALESFORCE_MESSAGES } from '../messaging/protocol-salesforce';

type SalesforceHandlers = Pick<Handlers, keyof typeof SALESFORCE_MESSAGES>;

/** Connect, disconnect and the connection's settings (options page). */
export function createSalesforceHandlers(db: SidecarDb): SalesforceHandlers {
  void db;
  return {};
}
