import type { SidecarDb } from '../../../db/database';
import { revokeToken, type OAuthDeps } from './oauth';
import { platformLocks, withRefreshLock, type Locks } from './refresh-lock';
import { clearConnection, readAccessToken, readConnection, readRefreshToken } from './token-store';

export interface DisconnectDeps extends OAuthDeps {
  locks?: Locks | null;
}

/**
 * Disconnect Salesforce: revoke the grant at the org (POST {instance}/services/oauth2/revoke; the
 * refresh token takes its access tokens with it), then forget the tokens and the connection. Local
 * records stay. The tokens are forgotten even when the org cannot be reached; `revoked` says whether
 * Salesforce confirmed.
 */
export async function disconnectSalesforce(db: SidecarDb, deps: DisconnectDeps = {}): Promise<{ revoked: boolean }> {
  const locks = deps.locks === undefined ? platformLocks() : deps.locks;
  return withRefreshLock(locks, async () => {
    const connection = await readConnection(db);
    const token = (await readRefreshToken(db)) ?? (await readAccessToken());
    let revoked = false;
    if (connection && token) {
      try {
        await revokeToken(connection.instanceUrl, connection.clientId, token, deps);
        revoked = true;
      } catch {
        // Offline, or already revoked: the local copy is forgotten all the same.
      }
    }
    await clearConnection(db);
    return { revoked };
  });
}
