import * as oauth from 'oauth4webapi';
import { AuthError, RetryableError } from '../errors';
import { TokenResponse } from '../schemas';
import { isLoopback } from './login-host';

/**
 * Salesforce's OAuth 2.0 endpoints through oauth4webapi: the web-server flow with PKCE (S256), the
 * refresh grant and revocation. Sidecar is a public client: it holds no secret. Salesforce's token
 * response has no `expires_in`, which oauth4webapi accepts; the rest is checked with our zod schema.
 */

/** Scopes Sidecar asks for: the REST API, a refresh token, and `id` for the rep's name (userinfo). */
export const SCOPES = 'api refresh_token id';

const TIMEOUT_MS = 30_000;

/** Salesforce refused the grant (a revoked or expired refresh token, a wrong client id…): connect again. */
export class GrantRefusedError extends Error {
  override readonly name = 'GrantRefusedError';
  constructor(readonly error: string, readonly description: string | null) {
    super(description ? `${error}: ${description}` : error);
  }
}

export interface OAuthDeps {
  fetch?: typeof fetch;
}

function server(origin: string): oauth.AuthorizationServer {
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/services/oauth2/authorize`,
    token_endpoint: `${origin}/services/oauth2/token`,
    revocation_endpoint: `${origin}/services/oauth2/revoke`,
  };
}

const client = (clientId: string): oauth.Client => ({ client_id: clientId });

function options(origin: string, deps: OAuthDeps) {
  const doFetch = deps.fetch ?? fetch;
  return {
    // Plain http only for this machine (the emulator); Salesforce itself is https.
    [oauth.allowInsecureRequests]: isLoopback(origin),
    // Called as a method of the options object: unbound, a browser's fetch would throw "Illegal invocation".
    [oauth.customFetch]: (url: string, init: RequestInit) => doFetch(url, init),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  verifier: string;
  redirectUri: string;
}

/** The authorize URL for the web-server flow, with a fresh PKCE verifier and state. */
export async function authorizationRequest(loginOrigin: string, clientId: string, redirectUri: string): Promise<AuthorizationRequest> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(server(loginOrigin).authorization_endpoint!);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: SCOPES,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), state, verifier, redirectUri };
}

/** Turns oauth4webapi's and fetch's failures into Sidecar's: refused (reconnect) or retryable. */
function translate(error: unknown): Error {
  if (error instanceof oauth.ResponseBodyError) {
    if (error.status === 429 || error.status >= 500) return new RetryableError(`Salesforce's token service is unavailable (${error.status})`, null, error.status);
    return new GrantRefusedError(error.error, error.error_description ?? null);
  }
  if (error instanceof oauth.AuthorizationResponseError) return new GrantRefusedError(error.error, error.error_description ?? null);
  if (error instanceof oauth.OperationProcessingError) {
    const status = error.cause instanceof Response ? error.cause.status : null;
    return new RetryableError(`Salesforce's token service answered in an unexpected shape${status ? ` (${status})` : ''}`, null, status);
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') return new RetryableError('Salesforce did not answer in time');
  if (error instanceof TypeError) return new RetryableError('Salesforce could not be reached');
  return error instanceof Error ? error : new Error('the token request failed');
}

function checked(body: oauth.TokenEndpointResponse): TokenResponse {
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) throw new RetryableError('Salesforce sent a token response of an unexpected shape');
  return parsed.data;
}

/** Checks the redirect (state, error) and exchanges its code with the PKCE verifier. */
export async function exchangeCode(loginOrigin: string, clientId: string, request: AuthorizationRequest, redirectedTo: string, deps: OAuthDeps = {}): Promise<TokenResponse> {
  const as = server(loginOrigin);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client(clientId), new URL(redirectedTo), request.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) throw translate(error);
    // A wrong or missing state: this answer belongs to another request (or was forged).
    throw new AuthError(`Salesforce's sign-in answer does not match Sidecar's request (${error instanceof Error ? error.message : 'unreadable'})`);
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as, client(clientId), oauth.None(), params, request.redirectUri, request.verifier, options(loginOrigin, deps),
    );
    return checked(await oauth.processAuthorizationCodeResponse(as, client(clientId), response));
  } catch (error) {
    throw translate(error);
  }
}

/** A new access token from the refresh token; `refresh_token` is present only if Salesforce rotated it. */
export async function refreshGrant(origin: string, clientId: string, refreshToken: string, deps: OAuthDeps = {}): Promise<TokenResponse> {
  const as = server(origin);
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client(clientId), oauth.None(), refreshToken, options(origin, deps));
    return checked(await oauth.processRefreshTokenResponse(as, client(clientId), response));
  } catch (error) {
    throw translate(error);
  }
}

/** Revokes a token (a refresh token takes its access tokens with it). */
export async function revokeToken(origin: string, clientId: string, token: string, deps: OAuthDeps = {}): Promise<void> {
  try {
    const response = await oauth.revocationRequest(server(origin), client(clientId), oauth.None(), token, options(origin, deps));
    await oauth.processRevocationResponse(response);
  } catch (error) {
    throw translate(error);
  }
}

/** The org and user ids in the token response's identity URL (`…/id/00D…/005…`). */
export function idsFromIdentityUrl(id: string): { orgId: string; userId: string } {
  const match = /\/id\/(00D\w{12,15})\/(005\w{12,15})\/?$/.exec(new URL(id).pathname);
  if (!match) throw new RetryableError('Salesforce sent an identity URL Sidecar cannot read');
  return { orgId: match[1]!, userId: match[2]! };
}
