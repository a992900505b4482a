import { describe, expect, it } from 'vitest';
import { classifyTitle } from './index';
import { LABELLED_TITLES, type LabelledTitle } from './labelled-titles';
import { HELD_OUT_TITLES } from './held-out-titles';

type Dimension = 'seniority' | 'function' | 'buyingRole';
const DIMENSIONS: Dimension[] = ['seniority', 'function', 'buyingRole'];

describe('labelled titles', () => {
  const results = LABELLED_TITLES.map((label) => ({ label, got: classifyTitle(label.title) }));

  it('has at least 150 titles, 15 per non-English language', () => {
    expect(LABELLED_TITLES.length).toBeGreaterThanOrEqual(150);
    for (const lang of ['de', 'fr', 'es', 'sv'] as const) {
      expect(LABELLED_TITLES.filter((label) => label.lang === lang).length).toBeGreaterThanOrEqual(15);
    }
  });

  it.each(DIMENSIONS)('classifies %s with accuracy ≥ 0.9', (dimension) => {
    const wrong = results.filter(({ label, got }) => got[dimension] !== label[dimension]);
    const accuracy = 1 - wrong.length / results.length;
    const perLang = (['en', 'de', 'fr', 'es', 'sv'] as LabelledTitle['lang'][]).map((lang) => {
      const ofLang = results.filter(({ label }) => label.lang === lang);
      const right = ofLang.filter(({ label, got }) => got[dimension] === label[dimension]).length;
      return `${lang} ${right}/${ofLang.length}`;
    });
    console.log(`${dimension}: accuracy ${accuracy.toFixed(3)} (${results.length - wrong.length}/${results.length}; ${perLang.join(', ')})`);
    for (const { label, got } of wrong) {
      console.log(`  ✗ [${label.lang}] "${label.title}": expected ${label[dimension]}, got ${got[dimension]} (${got.matched.join(' ')})`);
    }
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('precedence rules', () => {
  it.each([
    ['Assistant to the CEO', 'individual', 'executive', 'influencer'],
    ['Executive Assistant to the CFO', 'individual', 'executive', 'influencer'],
    ['Vice President', 'vp', 'executive', 'decision-maker'],
    ['President', 'c-level', 'executive', 'decision-maker'],
    ['Vice-Président', 'vp', 'executive', 'decision-maker'],
    ['Head of Sales', 'director', 'sales', 'decision-maker'],
    ['Senior Software Engineer', 'individual', 'it-engineering', 'end-user'],
    ['Sales Engineer', 'individual', 'sales', 'end-user'],
    ['Assistant Manager', 'manager', 'other', 'influencer'],
    ['Assistant Vice President, Finance', 'vp', 'finance', 'decision-maker'],
    ['Account Manager', 'individual', 'sales', 'end-user'],
    ['Partner', 'c-level', 'executive', 'decision-maker'],
    ['Channel Partner Manager', 'individual', 'sales', 'end-user'],
    ['Product Owner', 'individual', 'it-engineering', 'end-user'],
    ['Deputy CEO', 'vp', 'executive', 'decision-maker'],
    ['Stellvertretender Vertriebsleiter', 'director', 'sales', 'decision-maker'],
    ['Non-Executive Director', 'c-level', 'executive', 'influencer'],
    ['Chief of Staff to the CEO', 'director', 'executive', 'influencer'],
    ['Chief Technology Officer', 'c-level', 'it-engineering', 'decision-maker'],
    ['IT-chef', 'director', 'it-engineering', 'decision-maker'],
    ['Chef de projet', 'manager', 'other', 'influencer'],
    ['Teamleiterin Einkauf', 'manager', 'operations', 'influencer'],
    ['VP Sales at Acme Partners', 'vp', 'sales', 'decision-maker'],
    ['CEO | Data Security Partners', 'c-level', 'executive', 'decision-maker'],
    ['GESCHÄFTSFÜHRER', 'c-level', 'executive', 'decision-maker'],
    ['directeur general', 'c-level', 'executive', 'decision-maker'],
    ['Reporting to the CFO', 'unknown', 'other', 'influencer'],
    ['Sales', 'unknown', 'sales', 'influencer'],
  ])('%s → %s / %s / %s', (title, seniority, fn, buyingRole) => {
    const got = classifyTitle(title);
    expect({ seniority: got.seniority, function: got.function, buyingRole: got.buyingRole }).toEqual({
      seniority,
      function: fn,
      buyingRole,
    });
  });

  it('lists the table entries that fired', () => {
    expect(classifyTitle('Vertriebsleiter').matched).toEqual(['head:vertrieb-', 'tail:-leiter']);
    expect(classifyTitle('Vice President of Sales').matched).toEqual(['phrase:vice president', 'word:sales']);
  });
});

describe('hostile input', () => {
  it.each([
    ['null', null],
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['emoji', '🚀🔥💼'],
    ['html', '<img src=x onerror=alert(1)>'],
    ['script', '<script>alert(document.cookie)</script>'],
    ['10k chars', 'x'.repeat(10_000)],
    ['prototype keys', 'constructor __proto__ toString hasOwnProperty'],
    ['digits and punctuation', '1234 !!! ### ---'],
    ['unclosed tag', '<div class="'.repeat(500)],
  ])('%s → unknown / other', (_name, input) => {
    const got = classifyTitle(input);
    expect(got.seniority).toBe('unknown');
    expect(got.function).toBe('other');
    expect(got.buyingRole).toBe('influencer');
  });

  it('reads only the first 200 characters, fast', () => {
    const start = performance.now();
    for (let i = 0; i < 200; i++) classifyTitle(`${'Sales '.repeat(40)} CEO ${'a-'.repeat(50_000)}`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(classifyTitle(`${'x'.repeat(300)} CEO`).seniority).toBe('unknown');
    expect(classifyTitle('<b>CEO</b> 🚀').seniority).toBe('c-level');
  });

  it('never throws on odd strings', () => {
    for (const input of ['\u0000', '\uD800', '‮CEO', 'ﬁnance', 'Ｃ Ｅ Ｏ', '-'.repeat(1000), 'a'.repeat(1000)]) {
      expect(() => classifyTitle(input)).not.toThrow();
    }
  });
});

describe('held-out titles (reported, not gated)', () => {
  it('prints accuracy on titles the tables were not tuned against', () => {
    const results = HELD_OUT_TITLES.map((label) => ({ label, got: classifyTitle(label.title) }));
    for (const dimension of ['seniority', 'function', 'buyingRole'] as const) {
      const wrong = results.filter(({ label, got }) => got[dimension] !== label[dimension]);
      console.log(`held-out ${dimension}: ${results.length - wrong.length}/${results.length}`);
      for (const { label, got } of wrong) {
        console.log(`  ✗ [${label.lang}] "${label.title}": expected ${label[dimension]}, got ${got[dimension]}`);
      }
    }
    expect(results.length).toBeGreaterThan(0);
  });
});
