import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA, start, type Harness } from './test-support';

let h: Harness;
beforeAll(async () => {
  h = await start({ dailyLimit: 5 });
});
afterAll(() => h.emulator.close());

describe('daily allowance', () => {
  it('counts each API call in Sforce-Limit-Info, then refuses with REQUEST_LIMIT_EXCEEDED', async () => {
    const one = await h.api('GET', `${DATA}/limits`);
    expect(one.headers.get('sforce-limit-info')).toBe('api-usage=1/5');
    expect(one.body).toEqual({ DailyApiRequests: { Max: 5, Remaining: 4 } });
    const two = await h.api('GET', `${DATA}/sobjects/Contact/describe`);
    expect(two.headers.get('sforce-limit-info')).toBe('api-usage=2/5');
    h.emulator.setUsage(5);
    const refused = await h.api('GET', `${DATA}/limits`);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]);
    expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=5/5');
    expect(h.emulator.usage()).toEqual({ used: 5, max: 5 });
    h.emulator.setUsage(0);
  });

  it('does not count OAuth or refused sessions', async () => {
    const before = h.emulator.usage().used;
    const noToken = await fetch(`${h.emulator.url}${DATA}/limits`);
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get('sforce-limit-info')).toBeNull();
    await fetch(`${h.emulator.url}/services/oauth2/token`, { method: 'POST' });
    expect(h.emulator.usage().used).toBe(before);
  });
});

describe('CORS', () => {
  it('answers preflight and exposes the limit header to an extension page', async () => {
    const preflight = await fetch(`${h.emulator.url}${DATA}/query`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abcdefghijklmnop', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,sforce-query-options' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Sforce-Query-Options/);
    const real = await h.api('GET', `${DATA}/limits`, undefined, { Origin: 'chrome-extension://abcdefghijklmnop' });
    expect(real.headers.get('access-control-allow-origin')).toBe('*');
    expect(real.headers.get('access-control-expose-headers')).toMatch(/Sforce-Limit-Info/);
    expect(real.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});
