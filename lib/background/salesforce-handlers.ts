import type { SidecarDb } from '../db/database';
import { RepositoryError } from '../db/errors';
import { connectSalesforce, InstanceNotAllowedError } from '../crm/salesforce/auth/connect';
import { disconnectSalesforce } from '../crm/salesforce/auth/disconnect';
import { LoginHostError } from '../crm/salesforce/auth/login-host';
import { mappableFields } from '../crm/salesforce/auth/mappable-fields';
import { GrantRefusedError } from '../crm/salesforce/auth/oauth';
import type { SalesforceConnection } from '../crm/salesforce/auth/connection';
import { readConnection } from '../crm/salesforce/auth/token-store';
import { ApiVersionError, AuthError, RetryableError } from '../crm/salesforce/errors';
import type { Handlers } from '../messaging/router';
import type { SALESFORCE_MESSAGES, SalesforceStatus } from '../messaging/protocol-salesforce';
import { browser } from '../platform/browser';
import { DescribeCache } from '../sync/describes';
import { createOpenSalesforce } from './salesforce-session';

type SalesforceHandlers = Pick<Handlers, keyof typeof SALESFORCE_MESSAGES>;

function status(connection: SalesforceConnection | null): SalesforceStatus {
  const redirectUrl = browser.identity.getRedirectURL();
  if (!connection) return { state: 'disconnected', redirectUrl };
  const { reconnect, ...rest } = connection;
  return { state: reconnect ? 'reconnect' : 'connected', redirectUrl, ...rest, reason: reconnect?.reason ?? null };
}

/**
 * What went wrong, in words the options page can show. Salesforce's OAuth error codes and the
 * browser's messages carry no personal data.
 */
function explain(error: unknown): unknown {
  if (error instanceof LoginHostError || error instanceof InstanceNotAllowedError) return new RepositoryError('invalid', error.message);
  if (error instanceof GrantRefusedError) {
    const hint = error.error === 'redirect_uri_mismatch'
      ? ' Check that the app’s callback URL is the one shown on this page.'
      : error.error === 'invalid_client_id' || error.error === 'invalid_client' ? ' Check the consumer key.' : '';
    return new RepositoryError('invalid', `Salesforce refused the connection (${error.message}).${hint}`);
  }
  if (error instanceof ApiVersionError) {
    return new RepositoryError('invalid', `${error.served ? `This Salesforce org serves API versions up to ${error.served}` : 'This Salesforce org does not serve the API version Sidecar uses'}; Sidecar needs ${error.wanted} (Winter ’25) or newer. Nothing was changed here.`);
  }
  if (error instanceof AuthError || error instanceof RetryableError) return new RepositoryError('invalid', error.message);
  // identity.launchWebAuthFlow rejects with the browser's sentence ("The user did not approve access.").
  if (error instanceof Error && error.name === 'Error') return new RepositoryError('invalid', `Salesforce sign-in did not finish: ${error.message}`);
  return error;
}

/**
 * Connect, disconnect and the connection's settings (options page). `onConnected`: the scheduler's
 * `connectionChanged`, so the first sync starts at once instead of waiting for a change's wake.
 */
export function createSalesforceHandlers(db: SidecarDb, onConnected?: () => Promise<unknown>): SalesforceHandlers {
  const openSalesforce = createOpenSalesforce(db);
  return {
    'salesforce.status': async () => status(await readConnection(db)),
    'salesforce.connect': async ({ loginHost, clientId }) => {
      try {
        const connection = await connectSalesforce(db, { loginHost, clientId }, {
          redirectUri: browser.identity.getRedirectURL(),
          launchWebAuthFlow: async (url) => {
            const redirected = await browser.identity.launchWebAuthFlow({ url, interactive: true });
            if (!redirected) throw new Error('The browser returned no redirect.');
            return redirected;
          },
          canReach: (pattern) => browser.permissions.contains({ origins: [pattern] }),
        });
        // Not awaited: the options page hears "connected" now; the sync's progress shows in its status.
        if (onConnected) void onConnected().catch(() => undefined);
        return status(connection);
      } catch (error) {
        throw explain(error);
      }
    },
    'salesforce.disconnect': () => disconnectSalesforce(db),
    'salesforce.fields': async () => {
      try {
        const session = await openSalesforce();
        if (!session) throw new RepositoryError('invalid', 'Connect Salesforce to choose a field.');
        // Checked now, whatever their age, and kept: the field the rep maps is then one the sync knows.
        const describes = new DescribeCache(db, session.client, Date.now);
        await Promise.all([describes.stale('Contact'), describes.stale('Lead')]);
        const [contact, lead] = await describes.load(['Contact', 'Lead']);
        return { fields: mappableFields(contact!, lead!) };
      } catch (error) {
        throw explain(error);
      }
    },
  };
}
