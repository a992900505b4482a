/**
 * `npm start`: build the production extension, then open it in a fresh Chromium profile on the
 * side panel page (the first-run demo offer). Without a display, explain how to load it by hand.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/harness/launch';

const CHROME_DIR = resolve('.output/chrome-mv3');
const FIREFOX_MANIFEST = resolve('.output/firefox-mv3/manifest.json');

function manualSteps(): string {
  return [
    'Load Sidecar by hand:',
    '  Chrome / Chromium:',
    '    1. Open chrome://extensions',
    '    2. Turn on "Developer mode" (top right)',
    '    3. Click "Load unpacked"',
    `    4. Select the folder ${CHROME_DIR}`,
    '  Firefox:',
    '    1. Run: npm run build:firefox',
    '    2. Open about:debugging#/runtime/this-firefox',
    '    3. Click "Load Temporary Add-on…"',
    `    4. Pick ${FIREFOX_MANIFEST}`,
  ].join('\n');
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  const result = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nThe build failed (${result.error?.message ?? `exit code ${String(result.status)}`}).`);
    process.exit(result.status ?? 1);
  }
}

async function openBrowser(): Promise<void> {
  const ext = await launchWithExtension({ build: 'production', headless: false });
  const closed = new Promise<void>((done) => ext.context.once('close', () => done()));
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(ext.pageUrl('sidepanel.html'));
  console.log(`\nOpened Chromium with Sidecar (extension id ${ext.extensionId}) in a fresh profile.`);
  console.log(`The tab shows ${ext.pageUrl('sidepanel.html')}: click "Load demo territory" to try it.`);
  console.log('Close the browser window (or press Ctrl+C) to stop; the profile is then deleted.');
  const stop = () => void ext.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await closed;
  await ext.close();
}

async function main(): Promise<void> {
  build();
  if (!hasDisplay()) {
    console.log('\nThe extension is built, but there is no display (DISPLAY and WAYLAND_DISPLAY are unset) to open a browser on.\n');
    console.log(manualSteps());
    return;
  }
  await openBrowser();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  console.error(`\nCould not open Chromium with Sidecar: ${message}\n`);
  console.error(manualSteps());
  process.exit(1);
});
