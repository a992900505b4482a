import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseLinkedIn } from './parse-linkedin';
import { recognize } from './recognize';

const doc = (html: string) => parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;
const NAME = '<h1 class="top-card-layout__title">Ada Example</h1>';

describe('recognize', () => {
  it('folds country subdomains, trailing slashes and queries into one profile URL', () => {
    for (const url of [
      'https://se.linkedin.com/in/Ada-Example/',
      'https://www.linkedin.com/in/ada-example?trk=public_profile',
      'https://linkedin.com/in/ada-example/overlay/contact-info/',
    ]) {
      expect(recognize(doc(NAME), url)).toEqual({ kind: 'profile', slug: 'ada-example', profileUrl: 'https://www.linkedin.com/in/ada-example' });
    }
  });

  it('recognises company pages', () => {
    expect(recognize(doc(''), 'https://uk.linkedin.com/company/acme/about/')).toEqual({ kind: 'company', linkedinUrl: 'https://www.linkedin.com/company/acme' });
  });

  it('Sales Navigator: unknown, with the /in/ profile when the page links one', () => {
    const linked = doc('<a href="/sales/x">x</a><a href="https://www.linkedin.com/in/ada-example/?trk=x">Profile</a>');
    expect(parseLinkedIn(linked, 'https://www.linkedin.com/sales/lead/ACwAAA,NAME_SEARCH,x').context).toEqual({
      kind: 'unknown', site: 'linkedin', reason: 'sales-navigator', profileUrl: 'https://www.linkedin.com/in/ada-example',
    });
    expect(parseLinkedIn(doc(''), 'https://www.linkedin.com/sales/company/1337').context).toEqual({
      kind: 'unknown', site: 'linkedin', reason: 'sales-navigator', profileUrl: null,
    });
  });

  it('auth walls, not-found pages and other LinkedIn pages are unknown', () => {
    expect(recognize(doc(NAME), 'https://www.linkedin.com/authwall?trk=x')).toMatchObject({ reason: 'auth-wall' });
    const refresh = parseHTML('<html><head><meta http-equiv="refresh" content="1;url=https://www.linkedin.com"></head><body></body></html>');
    expect(recognize(refresh.document as unknown as Document, 'https://www.linkedin.com/in/ada-example/')).toMatchObject({ reason: 'auth-wall' });
    const notFound = doc('<h1 class="page-not-found__headline">An exact match for x could not be found.</h1>');
    expect(recognize(notFound, 'https://www.linkedin.com/in/x/')).toMatchObject({ reason: 'not-found' });
    for (const path of ['/feed/', '/search/results/people/?keywords=ada', '/pulse/some-article', '/school/kth/']) {
      expect(recognize(doc(NAME), `https://www.linkedin.com${path}`)).toMatchObject({ reason: 'not-a-profile' });
    }
  });
});
