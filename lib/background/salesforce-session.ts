import type { SidecarDb } from '../db/database';
import { SalesforceClient, type ClientOptions } from '../crm/salesforce/client';
import { AuthError } from '../crm/salesforce/errors';
import type { OpenSalesforce } from '../crm/salesforce/session';
import { StoredTokenSource, type StoredTokenSourceOptions } from '../crm/salesforce/auth/token-source';
import { readConnection } from '../crm/salesforce/auth/token-store';
import { salesforceSyncSettings } from '../settings/items';

export type OpenSalesforceOptions = Pick<ClientOptions, 'onRequest' | 'onUsage' | 'fetch' | 'timeoutMs'> & Pick<StoredTokenSourceOptions, 'locks'>;

/**
 * The stored Salesforce connection as a ready client (see lib/crm/salesforce/session.ts): null when
 * no org is connected, AuthError when Salesforce refused the grant and the rep must connect again.
 * The client refreshes its session itself on a 401, and stops at the settings' share of the
 * org's daily API allowance.
 */
export function createOpenSalesforce(db: SidecarDb, options: OpenSalesforceOptions = {}): OpenSalesforce {
  return async () => {
    const connection = await readConnection(db);
    if (!connection) return null;
    if (connection.reconnect) throw new AuthError(`Salesforce refused Sidecar’s session (${connection.reconnect.reason}): connect again`);
    const settings = await salesforceSyncSettings.getValue();
    const { onRequest, onUsage, fetch, timeoutMs, locks } = options;
    const client = new SalesforceClient({
      instanceUrl: connection.instanceUrl,
      tokens: new StoredTokenSource(db, { fetch, locks }),
      budgetShare: settings.budgetShare,
      fetch, timeoutMs, onRequest, onUsage,
    });
    return { client, userId: connection.userId, instanceUrl: connection.instanceUrl };
  };
}
