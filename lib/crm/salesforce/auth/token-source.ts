import type { SidecarDb } from '../../../db/database';
import type { TokenSource } from '../client';
import { AuthError } from '../errors';
import { GrantRefusedError, refreshGrant, type OAuthDeps } from './oauth';
import { InFlight, platformLocks, withRefreshLock, type Locks } from './refresh-lock';
import {
  markReconnect, readAccessToken, readConnection, readRefreshToken, saveAccessToken, saveConnection, saveRefreshToken,
} from './token-store';

export interface StoredTokenSourceOptions extends OAuthDeps {
  /** Defaults to `navigator.locks` where it exists. */
  locks?: Locks | null;
  /** Callers in one context that share this registry share one refresh. Defaults to one per database. */
  inFlight?: InFlight<string>;
}

const registries = new WeakMap<SidecarDb, InFlight<string>>();

function registryFor(db: SidecarDb): InFlight<string> {
  let registry = registries.get(db);
  if (!registry) {
    registry = new InFlight<string>();
    registries.set(db, registry);
  }
  return registry;
}

/**
 * The stored Salesforce session as the client's TokenSource. Salesforce states no lifetime for an
 * access token, so expiry is learned from a 401: the client then calls `refresh(stale)`.
 */
export class StoredTokenSource implements TokenSource {
  private readonly locks: Locks | null;
  private readonly inFlight: InFlight<string>;

  constructor(private readonly db: SidecarDb, private readonly options: StoredTokenSourceOptions = {}) {
    this.locks = options.locks === undefined ? platformLocks() : options.locks;
    this.inFlight = options.inFlight ?? registryFor(db);
  }

  async accessToken(): Promise<string> {
    // The session area empties when the browser quits: the refresh token brings a new one.
    return (await readAccessToken()) ?? this.refresh('');
  }

  /** Single-flight: however many calls failed together, one refresh request goes out. */
  refresh(stale: string): Promise<string> {
    return this.inFlight.run(() => withRefreshLock(this.locks, () => this.refreshHoldingLock(stale)));
  }

  private async refreshHoldingLock(stale: string): Promise<string> {
    // Another caller (or another context) may have refreshed while this one waited for the lock.
    const current = await readAccessToken();
    if (current && current !== stale) return current;
    const connection = await readConnection(this.db);
    if (!connection) throw new AuthError('Salesforce is not connected');
    if (connection.reconnect) throw new AuthError('Salesforce refused Sidecar’s session: connect again');
    const refreshToken = await readRefreshToken(this.db);
    if (!refreshToken) {
      await markReconnect(this.db, 'missing_refresh_token');
      throw new AuthError('Sidecar holds no Salesforce refresh token: connect again');
    }
    let answer;
    try {
      answer = await refreshGrant(connection.instanceUrl, connection.clientId, refreshToken, this.options);
    } catch (error) {
      if (!(error instanceof GrantRefusedError)) throw error;
      await markReconnect(this.db, error.error);
      throw new AuthError(`Salesforce refused Sidecar’s session (${error.error}): connect again`);
    }
    // A rotated refresh token is saved before the new access token can be used: losing it would
    // lose the connection. Without one in the answer, the stored token stays valid.
    if (answer.refresh_token) await saveRefreshToken(this.db, answer.refresh_token);
    if (answer.instance_url.replace(/\/+$/, '') !== connection.instanceUrl) {
      await saveConnection(this.db, { ...connection, instanceUrl: answer.instance_url.replace(/\/+$/, '') });
    }
    await saveAccessToken(answer.access_token);
    return answer.access_token;
  }
}
