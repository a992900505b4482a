/** Bad input: partial, huge, foreign and hostile pages give `unknown` or null fields, never a throw. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseSavedPage } from '../../../scripts/parse';
import { parseLinkedIn } from './parse-linkedin';

const PROFILE = 'https://www.linkedin.com/in/ada-example/';
const doc = (html: string) => parseHTML(html).document as unknown as Document;

const publicProfile = (name: string, headline: string, extra = '') => `<!doctype html><html><head>
<link rel="canonical" href="https://www.linkedin.com/in/ada-example"></head><body><section>
<h1 class="top-card-layout__title">${name}</h1><h2 class="top-card-layout__headline">${headline}</h2>${extra}
</section></body></html>`;

describe('parseLinkedIn on bad input', () => {
  it('an empty document is unknown', () => {
    // linkedom builds no <html> for '' (reading .body throws): still an honest unknown.
    expect(parseLinkedIn(doc(''), PROFILE).context.kind).toBe('unknown');
    expect(parseLinkedIn(doc('<html><body></body></html>'), PROFILE).context).toMatchObject({ reason: 'no-profile' });
    expect(parseSavedPage('', PROFILE).output).toEqual({ kind: 'unknown', reason: 'no-profile' });
  });

  it('a non-LinkedIn page is unknown, on a LinkedIn URL or elsewhere', () => {
    const html = '<html><head><title>Acme</title></head><body><h1>Acme Widgets</h1><p>Hello</p></body></html>';
    expect(parseLinkedIn(doc(html), PROFILE).context.kind).toBe('unknown');
    expect(parseLinkedIn(doc(html), 'https://acme.example/').context).toMatchObject({ reason: 'not-linkedin' });
    expect(parseSavedPage(html, 'https://acme.example/').output).toEqual({ kind: 'unknown', reason: 'no-parser' });
  });

  it('a bad URL is unknown', () => {
    expect(parseLinkedIn(doc(publicProfile('Ada Example', 'x')), 'not a url').context).toMatchObject({ reason: 'bad-url' });
  });

  it('keeps markup in a name or headline as literal text and never creates elements', () => {
    const html = publicProfile('Eve &lt;img src=x onerror=alert(1)&gt; Mallory', '&lt;script&gt;alert(1)&lt;/script&gt; CTO');
    const d = doc(html);
    const before = d.documentElement.outerHTML;
    const { context } = parseLinkedIn(d, PROFILE);
    expect(context.kind).toBe('linkedin-profile');
    if (context.kind !== 'linkedin-profile') return;
    expect(context.person.fullName).toBe('Eve <img src=x onerror=alert(1)> Mallory');
    expect(context.person.headline).toBe('<script>alert(1)</script> CTO');
    expect(d.querySelectorAll('img, script').length).toBe(0);
    expect(d.documentElement.outerHTML).toBe(before);
  });

  it('survives a ~2 MB page and bounds every field', () => {
    const filler = '<div class="x"><span>lorem ipsum dolor</span></div>'.repeat(40_000);
    const html = publicProfile('A'.repeat(5000), 'B '.repeat(5000), filler);
    expect(html.length).toBeGreaterThan(2_000_000);
    const { context } = parseLinkedIn(doc(html), PROFILE);
    expect(context.kind).toBe('linkedin-profile');
    if (context.kind !== 'linkedin-profile') return;
    expect(context.person.fullName?.length).toBeLessThanOrEqual(200);
    expect(context.person.headline?.length).toBeLessThanOrEqual(400);
    expect(context.person.lastName?.length).toBeLessThanOrEqual(100);
  });

  it('reads what a truncated page still shows and leaves the rest null', () => {
    const html = publicProfile('Ada Example', 'Builder', '<div data-section="currentPositionsDetails"><a href="https://www.linkedin.com/company/acme"><span class="top-card-link__description">Ac');
    const { context } = parseLinkedIn(doc(html.slice(0, html.lastIndexOf('Ac') + 2)), PROFILE);
    expect(context).toMatchObject({ kind: 'linkedin-profile', person: { fullName: 'Ada Example', company: 'Ac', title: null, photoUrl: null } });
  });

  it('ignores broken or oddly typed JSON-LD and falls back to the page', () => {
    const ld = '<script type="application/ld+json">{"@graph": 5, "name": </script>'
      + '<script type="application/ld+json">{"@type":"Person","name":42,"jobTitle":{},"worksFor":"x","image":7}</script>';
    const { context, diagnostics } = parseLinkedIn(doc(publicProfile('Ada Example', 'Builder', ld)), PROFILE);
    expect(context).toMatchObject({ kind: 'linkedin-profile', person: { fullName: 'Ada Example', title: null } });
    expect(diagnostics.failed).toContain('fullName:json-ld');
    expect(diagnostics.failed.join(' ')).not.toMatch(/Ada|Example|Builder/);
  });

  it('turns a throwing DOM into unknown parse-error', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } }) as unknown as Document;
    expect(parseLinkedIn(hostile, PROFILE).context).toEqual({ kind: 'unknown', site: 'linkedin', reason: 'parse-error' });
  });

  it('a value the schema rejects gives parse-error, not a throw', () => {
    const html = publicProfile('Ada Example', 'x');
    const { context } = parseLinkedIn(doc(html), 'https://www.linkedin.com/in/' + 'a'.repeat(600));
    expect(context).toMatchObject({ kind: 'unknown', reason: 'parse-error' });
  });
});
