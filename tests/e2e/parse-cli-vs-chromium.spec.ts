import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSavedPage, toOutput } from '../../scripts/parse';
import type { PageContext } from '../../lib/model';
import { expect, test } from './extension-test';

/** Our scrubbed LinkedIn fixtures, each with the URL it is served from. */
const OWN = readdirSync('tests/fixtures/linkedin').filter((f) => f.endsWith('.html')).map((file) => ({
  file: resolve('tests/fixtures/linkedin', file),
  url: file.includes('company') ? 'https://www.linkedin.com/company/placeholder-company/'
    : file.includes('feed') ? 'https://www.linkedin.com/feed/'
      : file.includes('hostile') ? 'https://www.linkedin.com/in/hostile-example' : 'https://www.linkedin.com/in/ada-example/',
}));

/** The real pages of the answer key, when ../shared/fixtures is there. */
function sharedCases(): Array<{ file: string; url: string }> {
  const root = resolve('..', 'shared', 'fixtures');
  if (!existsSync(resolve(root, 'expected.json'))) return [];
  const key = JSON.parse(readFileSync(resolve(root, 'expected.json'), 'utf8')) as { cases: Array<{ id: string; file: string; url: string }> };
  return key.cases.filter((c) => c.id.startsWith('li-')).map((c) => ({ file: resolve(root, c.file), url: c.url }));
}

test('the parse CLI (Node DOM) and Chromium give identical JSON on every LinkedIn fixture', async ({ extension }) => {
  const cases = [...OWN, ...sharedCases()];
  expect(cases.length).toBeGreaterThanOrEqual(OWN.length);
  const page = await extension.context.newPage();
  await page.goto(extension.pageUrl('bench.html'));
  await expect(page).toHaveTitle('Sidecar bench: ready');
  for (const { file, url } of cases) {
    const html = readFileSync(file, 'utf8');
    const cli = parseSavedPage(html, url).output;
    const chromium = await page.evaluate(([h, u]) => window.sidecarBench!.understand(h!, u!), [html, url]);
    expect(toOutput(chromium as PageContext), file).toEqual(cli);
  }
});
