import type { SidecarDb } from '../db/database';
import type { OpenSalesforce } from '../crm/salesforce/session';

/** The stored Salesforce connection as a ready client (see lib/crm/salesforce/session.ts). */
export function createOpenSalesforce(db: SidecarDb): OpenSalesforce {
  void db;
  return async () => null;
}
