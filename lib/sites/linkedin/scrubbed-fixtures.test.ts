/** Our own scrubbed, dated fixtures (tests/fixtures/linkedin): placeholders land in the right fields. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_PLACEHOLDERS as C, PERSON_PLACEHOLDERS as P } from '../../../scripts/scrub-values';
import { parseSavedPage } from '../../../scripts/parse';

const read = (name: string) => readFileSync(path.resolve('tests/fixtures/linkedin', name), 'utf8');
const person = {
  fullName: P.fullName, firstName: P.firstName, lastName: P.lastName, headline: P.headline, title: P.title,
  company: P.company, location: P.location, profileUrl: `https://www.linkedin.com/in/${P.slug}`,
};

describe('scrubbed LinkedIn fixtures', () => {
  it('2024-07 member view with embedded JSON (not the viewer\'s own profile)', () => {
    const { output, failed } = parseSavedPage(read('2024-07-member-profile.html'), `https://www.linkedin.com/in/${P.slug}/`);
    expect(output).toEqual({ kind: 'linkedin-profile', person: { ...person, companyLinkedinUrl: 'https://www.linkedin.com/company/10464352', photoUrl: P.photo } });
    expect(failed).not.toContain('firstName:embedded-json');
  });

  it('2024-07 member view, grouped experience, no photo', () => {
    const { output } = parseSavedPage(read('2024-07-member-profile-grouped.html'), `https://www.linkedin.com/in/${P.slug}/`);
    expect(output).toEqual({ kind: 'linkedin-profile', person: { ...person, companyLinkedinUrl: 'https://www.linkedin.com/company/5049', photoUrl: null } });
  });

  it('2024-06 public view (JSON-LD) on a country subdomain', () => {
    const { output } = parseSavedPage(read('2024-06-public-profile.html'), `https://se.linkedin.com/in/${P.slug}`);
    expect(output).toEqual({ kind: 'linkedin-profile', person: { ...person, companyLinkedinUrl: 'https://www.linkedin.com/company/placeholder-company', photoUrl: P.photo } });
  });

  it('2024 public company page', () => {
    const { output } = parseSavedPage(read('2024-company.html'), `https://uk.linkedin.com/company/${C.slug}`);
    expect(output).toEqual({
      kind: 'linkedin-company',
      company: {
        name: C.name, linkedinUrl: `https://www.linkedin.com/company/${C.slug}`, website: 'http://www.example.com/', domain: C.domain,
        industry: 'Advertising Services', size: '51-200 employees', headquarters: `${C.city}, ${C.city}`,
      },
    });
  });

  it('2026-11 hostile profile: markup stays literal text', () => {
    const { output } = parseSavedPage(read('2026-11-hostile-profile.html'), 'https://www.linkedin.com/in/eve-mallory');
    expect(output).toMatchObject({
      kind: 'linkedin-profile',
      person: {
        fullName: 'Eve <img src=x onerror=alert(1)> Mallory', lastName: 'Mallory',
        headline: '<script>alert(1)</script> Head of Trust at Acme <b>Corp</b>', company: 'Acme <b>Corp</b>',
      },
    });
  });
});
