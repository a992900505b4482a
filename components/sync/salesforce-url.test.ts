import { describe, expect, it } from 'vitest';
import { salesforceUrl } from './salesforce-url';

describe('salesforceUrl', () => {
  it('opens a record at its org', () => {
    expect(salesforceUrl('https://acme.my.salesforce.com/', '003000000000001AAA')).toBe('https://acme.my.salesforce.com/003000000000001AAA');
    expect(salesforceUrl('http://127.0.0.1:8787', '001000000000001')).toBe('http://127.0.0.1:8787/001000000000001');
  });

  it('makes no link from anything unsound', () => {
    expect(salesforceUrl(null, '003000000000001AAA')).toBeNull();
    expect(salesforceUrl('https://acme.my.salesforce.com', null)).toBeNull();
    expect(salesforceUrl('javascript:alert(1)//', '003000000000001AAA')).toBeNull();
    expect(salesforceUrl('http://evil.example', '003000000000001AAA')).toBeNull();
    expect(salesforceUrl('https://acme.my.salesforce.com', '../../logout')).toBeNull();
    expect(salesforceUrl('not a url', '003000000000001AAA')).toBeNull();
  });
});
