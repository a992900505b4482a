import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRecord, DATA, read, start, type Harness } from './test-support';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/salesforce';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-and-some-more-entropy';
const challenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.emulator.close());

async function authorize(params: Record<string, string>): Promise<Response> {
  const query = new URLSearchParams({
    response_type: 'code', client_id: 'sidecar-dev', redirect_uri: REDIRECT,
    code_challenge: challenge(VERIFIER), code_challenge_method: 'S256', state: 'st-42', ...params,
  });
  return fetch(`${h.emulator.url}/services/oauth2/authorize?${query}`, { redirect: 'manual' });
}

async function codeFor(params: Record<string, string> = {}): Promise<string> {
  const response = await authorize(params);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('st-42');
  return location.searchParams.get('code') ?? '';
}

function token(params: Record<string, string>) {
  return fetch(`${h.emulator.url}/services/oauth2/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params),
  }).then(read);
}

const exchange = (code: string, verifier = VERIFIER) =>
  token({ grant_type: 'authorization_code', code, client_id: 'sidecar-dev', redirect_uri: REDIRECT, code_verifier: verifier });

describe('authorization code with PKCE', () => {
  it('issues tokens for the right verifier, and the access token opens the data API', async () => {
    const answer = await exchange(await codeFor());
    expect(answer.status).toBe(200);
    const body = asRecord(answer.body);
    expect(body).toMatchObject({ token_type: 'Bearer', instance_url: h.emulator.url });
    expect(body).not.toHaveProperty('expires_in');
    expect(typeof body.refresh_token).toBe('string');
    expect(body.id).toMatch(/\/id\/00D\w{15}\/005\w{15}$/);
    const limits = await fetch(`${h.emulator.url}${DATA}/limits`, { headers: { Authorization: `Bearer ${String(body.access_token)}` } });
    expect(limits.status).toBe(200);
  });

  it('refuses a wrong verifier with invalid_grant', async () => {
    const answer = await exchange(await codeFor(), 'not-the-verifier-that-made-the-challenge-at-all-000000');
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_grant', error_description: 'invalid code verifier' });
  });

  it('accepts a code once', async () => {
    const code = await codeFor();
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(asRecord(again.body).error).toBe('invalid_grant');
  });

  it('refuses a redirect_uri other than the one authorized', async () => {
    const answer = await token({ grant_type: 'authorization_code', code: await codeFor(), client_id: 'sidecar-dev', redirect_uri: 'https://evil.example/cb', code_verifier: VERIFIER });
    expect(answer.status).toBe(400);
    expect(asRecord(answer.body).error).toBe('redirect_uri_mismatch');
  });

  it('accepts only S256 challenges and known clients', async () => {
    const plain = await authorize({ code_challenge_method: 'plain' });
    expect(plain.status).toBe(302);
    expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    const stranger = await authorize({ client_id: 'someone-else' });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('invalid_client_id');
  });
});

describe('refresh and revoke', () => {
  it('refreshes without a new refresh token, after access tokens expire', async () => {
    const { refreshToken, accessToken } = h.emulator.issueToken();
    h.emulator.expireAccessTokens();
    const stale = await fetch(`${h.emulator.url}${DATA}/limits`, { headers: { Authorization: `Bearer ${accessToken}` } }).then(read);
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const answer = await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'sidecar-dev' });
    expect(answer.status).toBe(200);
    const body = asRecord(answer.body);
    expect(body).not.toHaveProperty('refresh_token');
    const fresh = await fetch(`${h.emulator.url}${DATA}/limits`, { headers: { Authorization: `Bearer ${String(body.access_token)}` } });
    expect(fresh.status).toBe(200);
  });

  it('revoking a refresh token ends it and its access tokens', async () => {
    const { refreshToken, accessToken } = h.emulator.issueToken();
    const revoked = await fetch(`${h.emulator.url}/services/oauth2/revoke`, {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: refreshToken }),
    });
    expect(revoked.status).toBe(200);
    const api = await fetch(`${h.emulator.url}${DATA}/limits`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(api.status).toBe(401);
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'sidecar-dev' });
    expect(refresh.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('revokeAll invalidates refresh tokens too', async () => {
    const { refreshToken } = h.emulator.issueToken();
    h.emulator.revokeAll();
    const refresh = await token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'sidecar-dev' });
    expect(refresh.status).toBe(400);
  });
});

describe('userinfo', () => {
  it('names the token user, and refuses a bad token', async () => {
    const { accessToken } = h.emulator.issueToken();
    const ok = await fetch(`${h.emulator.url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${accessToken}` } }).then(read);
    expect(ok.status).toBe(200);
    const [user] = h.emulator.records('User');
    expect(ok.body).toMatchObject({ user_id: user?.Id, name: 'Demo Rep', email: 'rep@sidecar-demo.example', preferred_username: 'rep@sidecar-demo.example' });
    expect(asRecord(ok.body).organization_id).toMatch(/^00D/);
    const bad = await fetch(`${h.emulator.url}/services/oauth2/userinfo`, { headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(403);
  });
});
