/**
 * Renders scripts/icon.svg to public/icon/<size>.png with Debian's headless Chromium.
 * WXT picks those files up into the manifest's `icons`. Run: `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from '../tests/harness/launch';

const SIZES = [16, 32, 48, 128] as const;
const svg = readFileSync(resolve('scripts/icon.svg'), 'utf8');
const outDir = resolve('public/icon');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const file = join(outDir, `${size}.png`);
      await page.locator('svg').screenshot({ path: file, omitBackground: true });
      console.log(`Wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`make-icons failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
