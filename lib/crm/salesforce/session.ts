import type { SalesforceClient } from './client';

/** A connected org, ready to call: what a sync run needs from the connection. */
export interface SalesforceSession {
  client: SalesforceClient;
  /** The connected user's Salesforce Id (scope "mine"). */
  userId: string;
  instanceUrl: string;
}

/** Opens the stored connection; null when no org is connected. Throws AuthError when the grant is gone. */
export type OpenSalesforce = () => Promise<SalesforceSession | null>;
