import { describe, expect, it } from 'vitest';
import { normalizeAccountName, normalizeEmail, normalizeLinkedInUrl, registrableDomain } from './normalize';

describe('registrableDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['https://www.acme.com/pricing?x=1', 'acme.com'],
    ['app.eu.acme.co.uk', 'acme.co.uk'],
    ['Jane.Doe@Sales.Acme.COM', 'acme.com'],
    ['team.github.io', 'team.github.io'],
    ['other.github.io', 'other.github.io'],
    ['github.io', null],
    ['co.uk', null],
    ['127.0.0.1', null],
    ['not a host', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Jane.Doe@Acme.COM ')).toBe('jane.doe@acme.com');
  });
});

describe('normalizeAccountName', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME Inc', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Volvo Car AB', 'volvo car'],
    ['Société Générale S.A.', 'societe generale'],
    ['Müller GmbH & Co. KG', 'muller'],
    ['Johnson & Johnson', 'johnson johnson'],
    ['Johnson and Johnson', 'johnson johnson'],
    ['Inc', 'inc'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeAccountName(input)).toBe(expected);
  });
});

describe('normalizeLinkedInUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'https://www.linkedin.com/in/jane-doe'],
    ['https://www.linkedin.com/in/jane-doe?trk=public_profile', 'https://www.linkedin.com/in/jane-doe'],
    ['https://se.linkedin.com/in/Jane-Doe', 'https://www.linkedin.com/in/jane-doe'],
    ['linkedin.com/in/jane-doe/details/experience/', 'https://www.linkedin.com/in/jane-doe'],
    ['https://www.linkedin.com/in/j%C3%B6rg-m', 'https://www.linkedin.com/in/j%C3%B6rg-m'],
    ['https://www.linkedin.com/company/acme-corp/about/', 'https://www.linkedin.com/company/acme-corp'],
    ['https://www.linkedin.com/feed/', null],
    ['https://evil.example/in/jane-doe', null],
    ['https://linkedin.com.evil.example/in/jane', null],
    ['not a url at all', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeLinkedInUrl(input)).toBe(expected);
  });
});
