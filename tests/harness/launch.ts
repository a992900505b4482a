import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Built extension folders: production, and the test build (production + allow-listed test hooks). */
export const EXTENSION_DIRS = {
  production: resolve('.output/chrome-mv3'),
  test: resolve('.output/chrome-mv3-test'),
} as const;

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`);
  }
  return path;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** `chrome-extension://<id>/<page>` */
  pageUrl(page: string): string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with Sidecar loaded, in a fresh throwaway profile. Flags keep Chromium off the
 * closed network (TOOLCHAIN.md). The profile is deleted on close.
 */
export async function launchWithExtension(options: { build?: keyof typeof EXTENSION_DIRS; headless?: boolean } = {}): Promise<LaunchedExtension> {
  const extensionDir = EXTENSION_DIRS[options.build ?? 'test'];
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:test" (or "npm run build") first.`);
  }
  const profileDir = mkdtempSync(join(process.env.SIDECAR_TMP ?? tmpdir(), 'sidecar-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  let serviceWorker: Worker;
  try {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  } catch (error) {
    // Never leave a browser running or a profile on disk behind a failed start.
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    pageUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
