import { describe, expect, it } from 'vitest';
import { connectOrigins, isLoopback, LoginHostError, MY_DOMAIN_HOSTS, originPattern, parseLoginHost } from './login-host';

describe('parseLoginHost', () => {
  it.each([
    ['login.salesforce.com', 'https://login.salesforce.com'],
    ['test.salesforce.com', 'https://test.salesforce.com'],
    ['  Acme.My.Salesforce.com ', 'https://acme.my.salesforce.com'],
    ['https://acme--uat.sandbox.my.salesforce.com/', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
  ])('accepts %s', (input, origin) => {
    expect(parseLoginHost(input)).toBe(origin);
  });

  it.each([
    [''],
    ['acme.example'],
    ['salesforce.com'],
    ['evil-salesforce.com'],
    ['acme.my.salesforce.com.evil.example'],
    ['http://acme.my.salesforce.com'],
    ['https://acme.my.salesforce.com:8443'],
    ['https://acme.my.salesforce.com/services/oauth2/authorize'],
    ['https://user:pw@acme.my.salesforce.com'],
    ['https://acme.my.salesforce.com?x=1'],
    ['ftp://acme.my.salesforce.com'],
    ['http://10.0.0.1:8787'],
    ['not a host'],
    [`${'a'.repeat(64)}.my.salesforce.com`],
    [`${'a.'.repeat(130)}my.salesforce.com`],
  ])('refuses %j with a sentence to show', (input) => {
    expect(() => parseLoginHost(input)).toThrow(LoginHostError);
  });
});

describe('what to ask the browser for', () => {
  it('asks for the login host, plus My Domains when the login host is shared', () => {
    expect(connectOrigins('https://login.salesforce.com')).toEqual(['https://login.salesforce.com/*', MY_DOMAIN_HOSTS]);
    expect(connectOrigins('https://test.salesforce.com')).toEqual(['https://test.salesforce.com/*', MY_DOMAIN_HOSTS]);
    expect(connectOrigins('https://acme.my.salesforce.com')).toEqual(['https://acme.my.salesforce.com/*']);
  });

  it('drops the port, which match patterns ignore', () => {
    expect(originPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(isLoopback('http://127.0.0.1:8787')).toBe(true);
    expect(isLoopback('https://127.0.0.1')).toBe(false);
  });
});
