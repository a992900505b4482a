import type { SidecarDb } from '../../../db/database';
import { SalesforceClient } from '../client';
import { SALESFORCE_API_VERSION } from '../config';
import { ApiVersionError, AuthError } from '../errors';
import { authorizationRequest, exchangeCode, idsFromIdentityUrl, revokeToken, type OAuthDeps } from './oauth';
import { originPattern, parseLoginHost } from './login-host';
import { platformLocks, withRefreshLock, type Locks } from './refresh-lock';
import type { SalesforceConnection } from './connection';
import { readConnection, readLinkedOrg, readRefreshToken, saveGrant, saveLinkedOrg } from './token-store';
import { forgetOrg } from '../../../sync/forget-org';

export interface ConnectDeps extends OAuthDeps {
  /** `https://<extension-id>.chromiumapp.org/` (Chrome) or `https://<hash>.extensions.allizom.org/` (Firefox). */
  redirectUri: string;
  /** Opens Salesforce's sign-in and resolves with the URL it redirected to (`identity.launchWebAuthFlow`). */
  launchWebAuthFlow(url: string): Promise<string>;
  /** Whether Sidecar may reach this host pattern (`permissions.contains`). */
  canReach(pattern: string): Promise<boolean>;
  locks?: Locks | null;
  now?: () => number;
}

export interface ConnectInput {
  loginHost: string;
  clientId: string;
}

/** Sign-in finished but the org's API sits on a host the rep has not allowed Sidecar to reach. */
export class InstanceNotAllowedError extends Error {
  override readonly name = 'InstanceNotAllowedError';
}

/**
 * Connect an org: OAuth web-server flow with PKCE through the browser's web-auth window, then the
 * code exchange. The refresh token and the connection are stored before the first API call; the
 * rep's name comes from userinfo when the app grants the `id` scope, and is left out otherwise.
 */
export async function connectSalesforce(db: SidecarDb, input: ConnectInput, deps: ConnectDeps): Promise<SalesforceConnection> {
  const loginUrl = parseLoginHost(input.loginHost);
  const clientId = input.clientId.trim();
  const request = await authorizationRequest(loginUrl, clientId, deps.redirectUri);
  const redirectedTo = await deps.launchWebAuthFlow(request.url);
  const tokens = await exchangeCode(loginUrl, clientId, request, redirectedTo, deps);
  if (!tokens.refresh_token) {
    await revokeToken(loginUrl, clientId, tokens.access_token, deps).catch(() => {});
    throw new AuthError('Salesforce issued no refresh token: the app needs the refresh_token scope');
  }
  const instanceUrl = tokens.instance_url.replace(/\/+$/, '');
  if (!(await deps.canReach(originPattern(instanceUrl)))) {
    await revokeToken(loginUrl, clientId, tokens.refresh_token, deps).catch(() => {});
    throw new InstanceNotAllowedError(`Sidecar is not allowed to reach ${new URL(instanceUrl).host}, where this org’s API is`);
  }
  const { orgId, userId } = idsFromIdentityUrl(tokens.id);
  const once = new SalesforceClient({
    instanceUrl, fetch: deps.fetch,
    tokens: { accessToken: async () => tokens.access_token, refresh: () => Promise.reject(new AuthError('no refresh while connecting')) },
  });
  // An org on an older release cannot sync: say so now, not at the first sync. (The versions list
  // costs no API call; when it cannot be read, the first sync tells.)
  const served = await once.servedVersion().catch(() => SALESFORCE_API_VERSION);
  if (served !== SALESFORCE_API_VERSION) {
    await revokeToken(loginUrl, clientId, tokens.refresh_token, deps).catch(() => {});
    throw new ApiVersionError(SALESFORCE_API_VERSION, served);
  }
  const user = await once.userInfo().catch(() => null);
  const connection: SalesforceConnection = {
    loginUrl, clientId, instanceUrl, orgId, userId,
    username: user?.preferred_username ?? null,
    displayName: user?.name ?? null,
    connectedAt: (deps.now ?? Date.now)(),
    reconnect: null,
  };
  const locks = deps.locks === undefined ? platformLocks() : deps.locks;
  const replaced = await withRefreshLock(locks, async () => {
    const previous = await readConnection(db);
    const previousToken = await readRefreshToken(db);
    // Another org than the one the records are linked to: their links mean nothing there.
    const linkedOrg = await readLinkedOrg(db);
    if (linkedOrg !== null && linkedOrg !== orgId) await forgetOrg(db, connection.connectedAt);
    await saveLinkedOrg(db, orgId);
    await saveGrant(db, connection, tokens.refresh_token!, tokens.access_token);
    return previous && previousToken ? { connection: previous, token: previousToken } : null;
  });
  // Connecting again replaces a grant that still worked: end it, so no stray session stays open.
  if (replaced) await revokeToken(replaced.connection.instanceUrl, replaced.connection.clientId, replaced.token, deps).catch(() => {});
  return connection;
}
