import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Sessions: authorization codes (single use, PKCE S256), refresh tokens, and the access tokens
 * each refresh token has issued. Salesforce access tokens have no stated lifetime: a client
 * learns of expiry from a 401, which `expireAccess` simulates.
 */

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  used: boolean;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

export class TokenStore {
  private codes = new Map<string, AuthCode>();
  /** access token → the refresh token that issued it ('' for none). */
  private access = new Map<string, string>();
  private refresh = new Set<string>();

  constructor(private readonly orgId: string) {}

  private accessToken(): string {
    // The org id, '!', then opaque characters: the shape of a real session id.
    return `${this.orgId.slice(0, 15)}!AQ${base64url(randomBytes(72)).replace(/[-_]/g, '.')}`;
  }

  issueCode(clientId: string, redirectUri: string, challenge: string): string {
    const code = `aPrx${base64url(randomBytes(48))}`;
    this.codes.set(code, { clientId, redirectUri, challenge, used: false });
    return code;
  }

  /** Exchanges a code once; `error` is Salesforce's `error_description` when it refuses. */
  redeemCode(code: string, clientId: string, redirectUri: string, verifier: string): { tokens?: { accessToken: string; refreshToken: string }; error?: string; errorCode?: string } {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.clientId !== clientId) return { errorCode: 'invalid_grant', error: 'invalid authorization code' };
    entry.used = true;
    if (entry.redirectUri !== redirectUri) return { errorCode: 'redirect_uri_mismatch', error: 'redirect_uri must match configuration' };
    const computed = base64url(createHash('sha256').update(verifier).digest());
    if (!verifier || computed !== entry.challenge) return { errorCode: 'invalid_grant', error: 'invalid code verifier' };
    return { tokens: this.issue() };
  }

  /** A fresh refresh token and an access token tied to it. */
  issue(): { accessToken: string; refreshToken: string } {
    const refreshToken = `5Aep861${base64url(randomBytes(60)).replace(/[-_]/g, '.')}`;
    const accessToken = this.accessToken();
    this.refresh.add(refreshToken);
    this.access.set(accessToken, refreshToken);
    return { accessToken, refreshToken };
  }

  /** A new access token for a live refresh token, or null. */
  refreshAccess(refreshToken: string): string | null {
    if (!this.refresh.has(refreshToken)) return null;
    const accessToken = this.accessToken();
    this.access.set(accessToken, refreshToken);
    return accessToken;
  }

  isValidAccess(token: string): boolean {
    return this.access.has(token);
  }

  /** Revokes one token; a refresh token takes its access tokens with it. False when unknown. */
  revoke(token: string): boolean {
    if (this.access.delete(token)) return true;
    if (!this.refresh.delete(token)) return false;
    for (const [accessToken, owner] of this.access) if (owner === token) this.access.delete(accessToken);
    return true;
  }

  /** Every access token stops working; refresh tokens still do. */
  expireAccess(): void {
    this.access.clear();
  }

  revokeAll(): void {
    this.access.clear();
    this.refresh.clear();
    this.codes.clear();
  }

  /** Salesforce signs `id + issued_at` with the connected app's secret (HMAC-SHA256, base64). */
  static signature(id: string, issuedAt: string): string {
    return createHmac('sha256', 'sidecar-emulator-consumer-secret').update(id + issuedAt).digest('base64');
  }
}
