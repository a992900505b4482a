/**
 * `npm run demo`: real headless Chromium with the test build, fixtures served under their real
 * hostnames, one named screenshot per scene in demo-output/. `--docs` also copies them to
 * docs/screenshots/. Add a scene by appending a small function to SCENES.
 */
import type { FrameLocator, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchWithExtension, type LaunchedExtension } from '../tests/harness/launch';
import { FIXTURE_PAGES, serveFixtures } from '../tests/harness/routes';

const OUT_DIR = resolve('demo-output');
const DOCS_DIR = resolve('docs/screenshots');
const TIMEOUT_MS = 15_000;
const SIDE_PANEL_VIEWPORT = { width: 400, height: 800 };

interface Scene {
  /** File name without extension. */
  name: string;
  run(ext: LaunchedExtension, page: Page): Promise<void>;
}

function sidebar(page: Page): FrameLocator {
  return page.frameLocator('#sidecar-sidebar-frame');
}

async function showSidebarOn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await sidebar(page).getByText('Nothing recognised on this page yet').waitFor({ timeout: TIMEOUT_MS });
}

async function openSidePanelPage(ext: LaunchedExtension, page: Page): Promise<void> {
  await page.setViewportSize(SIDE_PANEL_VIEWPORT);
  await page.goto(ext.pageUrl('sidepanel.html'));
  await page.getByRole('button', { name: 'Load demo territory' }).waitFor({ timeout: TIMEOUT_MS });
}

const SCENES: Scene[] = [
  {
    name: 'linkedin-sidebar',
    run: (_ext, page) => showSidebarOn(page, FIXTURE_PAGES.linkedinFeed.url),
  },
  {
    name: 'gmail-sidebar',
    run: (_ext, page) => showSidebarOn(page, FIXTURE_PAGES.gmailInbox.url),
  },
  {
    name: 'sidepanel-first-run',
    run: (ext, page) => openSidePanelPage(ext, page),
  },
  {
    name: 'sidepanel-demo-territory',
    async run(ext, page) {
      await openSidePanelPage(ext, page);
      await page.getByRole('button', { name: 'Load demo territory' }).click();
      await page.getByText('Fjordline Logistics AB').first().waitFor({ timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'linkedin-profile',
    async run(_ext, page) {
      await page.goto(FIXTURE_PAGES.linkedinMemberProfile.url);
      await sidebar(page).getByRole('button', { name: 'Capture', exact: true }).waitFor({ timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'linkedin-capture',
    async run(_ext, page) {
      await page.goto(FIXTURE_PAGES.linkedinMemberProfile.url);
      const frame = sidebar(page);
      await frame.getByRole('button', { name: 'Capture', exact: true }).click();
      await frame.getByRole('region', { name: 'Contact' }).waitFor({ timeout: TIMEOUT_MS });
      await frame.getByRole('textbox', { name: 'New note' }).fill('**Met at the logistics summit.**\n\n- owns the 2027 budget\n- prefers email');
      await frame.getByRole('button', { name: 'Add note' }).click();
      await frame.getByText('owns the 2027 budget').waitFor({ timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'linkedin-company',
    async run(_ext, page) {
      await page.goto(FIXTURE_PAGES.linkedinCompany.url);
      const frame = sidebar(page);
      await frame.getByRole('button', { name: 'Capture account' }).click();
      await frame.getByRole('region', { name: 'Account brief' }).waitFor({ timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'options',
    async run(ext, page) {
      await page.goto(ext.pageUrl('options.html'));
      await page.getByRole('heading', { name: 'Sidecar settings' }).waitFor({ timeout: TIMEOUT_MS });
      await page.getByText('Storage used').waitFor({ timeout: TIMEOUT_MS });
    },
  },
];

async function main(): Promise<number> {
  const copyToDocs = process.argv.includes('--docs');
  mkdirSync(OUT_DIR, { recursive: true });
  const tmpRoot = join(process.env.SIDECAR_TMP ?? tmpdir(), `sidecar-demo-${process.pid}`);
  mkdirSync(tmpRoot, { recursive: true });
  process.env.SIDECAR_TMP = tmpRoot;

  const saved: string[] = [];
  const failed: string[] = [];
  let ext: LaunchedExtension | undefined;
  try {
    ext = await launchWithExtension({ build: 'test', headless: true });
    await serveFixtures(ext.context, Object.values(FIXTURE_PAGES));
    for (const scene of SCENES) {
      const page = await ext.context.newPage();
      try {
        await scene.run(ext, page);
        const file = join(OUT_DIR, `${scene.name}.png`);
        await page.screenshot({ path: file });
        saved.push(file);
        console.log(`saved  ${file}`);
      } catch (error) {
        failed.push(scene.name);
        console.error(`FAILED ${scene.name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await ext?.close();
    rmSync(tmpRoot, { recursive: true, force: true });
  }

  if (copyToDocs && failed.length === 0) {
    mkdirSync(DOCS_DIR, { recursive: true });
    for (const file of saved) {
      const target = join(DOCS_DIR, file.slice(OUT_DIR.length + 1));
      copyFileSync(file, target);
      console.log(`copied ${target}`);
    }
  }
  if (failed.length > 0) {
    console.error(`${failed.length} of ${SCENES.length} scenes failed: ${failed.join(', ')}`);
    return 1;
  }
  console.log(`${saved.length} screenshots in ${OUT_DIR}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
