import type { Context, Hono } from 'hono';
import { json } from './http';
import type { EmulatorState } from './state';
import { TokenStore } from './tokens';

/**
 * OAuth 2.0 web-server flow with PKCE, as Salesforce serves it on the login host: authorize
 * (auto-approved), token (code and refresh grants), revoke and userinfo.
 */

function oauthError(c: Context, error: string, description: string): Response {
  return json(c, 400, { error, error_description: description });
}

function tokenBody(state: EmulatorState, accessToken: string, refreshToken?: string): Record<string, unknown> {
  const id = `${state.url}/id/${state.org.orgId}/${state.org.userId}`;
  const issuedAt = String(Date.now());
  return {
    access_token: accessToken,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    signature: TokenStore.signature(id, issuedAt),
    scope: 'refresh_token api',
    instance_url: state.url,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  };
}

async function form(c: Context): Promise<Record<string, string>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded')) return {};
  const params = new URLSearchParams(await c.req.text());
  return Object.fromEntries(params);
}

function userInfo(state: EmulatorState): Record<string, unknown> {
  const { orgId, userId } = state.org;
  return {
    sub: `${state.url}/id/${orgId}/${userId}`, user_id: userId, organization_id: orgId,
    preferred_username: 'rep@sidecar-demo.example', nickname: 'rep', name: 'Demo Rep', email: 'rep@sidecar-demo.example',
    email_verified: true, given_name: 'Demo', family_name: 'Rep', zoneinfo: 'Europe/London', locale: 'en_GB',
    user_type: 'STANDARD', active: true, utcOffset: 0,
  };
}

export function registerOAuth(app: Hono, state: EmulatorState): void {
  app.get('/services/oauth2/authorize', (c) => {
    const q = c.req.query();
    if (q.client_id !== state.clientId) return c.text('error=invalid_client_id&error_description=client%20identifier%20invalid', 400);
    let redirect: URL;
    try {
      redirect = new URL(q.redirect_uri ?? '');
    } catch {
      return c.text('error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration', 400);
    }
    const reply = (params: Record<string, string>) => {
      for (const [key, value] of Object.entries(params)) redirect.searchParams.set(key, value);
      if (q.state !== undefined) redirect.searchParams.set('state', q.state);
      return c.redirect(redirect.toString(), 302);
    };
    if (q.response_type !== 'code') return reply({ error: 'unsupported_response_type', error_description: 'response type not supported' });
    if (!q.code_challenge || q.code_challenge_method !== 'S256') {
      return reply({ error: 'invalid_request', error_description: 'PKCE with code_challenge_method S256 is required' });
    }
    return reply({ code: state.tokens.issueCode(q.client_id, q.redirect_uri ?? '', q.code_challenge) });
  });

  app.post('/services/oauth2/token', async (c) => {
    const body = await form(c);
    if (body.client_id !== state.clientId) return oauthError(c, 'invalid_client_id', 'client identifier invalid');
    if (body.grant_type === 'authorization_code') {
      const result = state.tokens.redeemCode(body.code ?? '', body.client_id, body.redirect_uri ?? '', body.code_verifier ?? '');
      if (!result.tokens) return oauthError(c, result.errorCode ?? 'invalid_grant', result.error ?? 'invalid authorization code');
      return json(c, 200, tokenBody(state, result.tokens.accessToken, result.tokens.refreshToken));
    }
    if (body.grant_type === 'refresh_token') {
      const accessToken = state.tokens.refreshAccess(body.refresh_token ?? '');
      if (!accessToken) return oauthError(c, 'invalid_grant', 'expired access/refresh token');
      return json(c, 200, tokenBody(state, accessToken));
    }
    return oauthError(c, 'unsupported_grant_type', 'grant type not supported');
  });

  const revoke = async (c: Context) => {
    const token = c.req.method === 'GET' ? c.req.query('token') : (await form(c)).token;
    if (!token || !state.tokens.revoke(token)) return oauthError(c, 'unsupported_token_type', 'this token type is not supported');
    return c.body(null, 200);
  };
  app.post('/services/oauth2/revoke', revoke);
  app.get('/services/oauth2/revoke', revoke);

  const identity = (c: Context) => {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token || !state.tokens.isValidAccess(token)) return c.text('Bad_OAuth_Token', 403);
    return json(c, 200, userInfo(state));
  };
  app.get('/services/oauth2/userinfo', identity);
  app.get('/id/:org/:user', identity);
}
