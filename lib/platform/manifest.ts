import type { UserManifest } from 'wxt';
import { SALESFORCE_HOSTS } from '../crm/salesforce/auth/login-host';

/** Hosts where Sidecar runs a content script and may frame its sidebar. */
export const CONTENT_SCRIPT_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  linkedin: ['https://*.linkedin.com/*'],
} as const;

export const SIDEBAR_PAGE = 'sidebar.html';

/** Prospects' websites: asked for at run time, with a reason, never at install. */
export const OPTIONAL_ALL_SITES = 'https://*/*';

/**
 * Salesforce login hosts and org instances (`login.salesforce.com`, `acme.my.salesforce.com`): asked
 * for from the rep's Connect click, for that login host and the org's My Domain only. The extension's
 * requests need them to pass CORS. `identity` opens Salesforce's sign-in (`launchWebAuthFlow`).
 */
export const OPTIONAL_HOSTS = [OPTIONAL_ALL_SITES, SALESFORCE_HOSTS] as const;

/**
 * What the test build adds to the production manifest, and nothing else may differ
 * (asserted by lib/platform/manifest.test.ts against the built manifests).
 * Headless Chromium never answers `permissions.request`, so the test build is granted
 * the fixture website host up front, and this machine over plain http, where the Salesforce
 * emulator listens (any port: match patterns ignore it).
 */
export const TEST_BUILD_ADDITIONS = {
  host_permissions: ['https://acme.example/*', 'http://127.0.0.1/*', 'http://localhost/*'],
} as const;

export const FIREFOX_ADDON_ID = 'sidecar@sidecar-crm.dev';

type Target = { browser: string; mode: string };

export function buildManifest({ browser, mode }: Target): UserManifest {
  const isFirefox = browser === 'firefox';
  const sidebarMatches = [...CONTENT_SCRIPT_MATCHES.gmail, ...CONTENT_SCRIPT_MATCHES.linkedin];
  const manifest: UserManifest = {
    name: 'Sidecar',
    description:
      'Your CRM beside Gmail, LinkedIn and prospects’ websites. Local-first and offline, syncs to Salesforce.',
    permissions: ['storage', 'unlimitedStorage', 'identity', 'alarms'],
    optional_host_permissions: [...OPTIONAL_HOSTS],
    action: { default_title: 'Open Sidecar' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Show or hide the Sidecar sidebar on this page',
      },
    },
    web_accessible_resources: [
      {
        resources: [SIDEBAR_PAGE],
        matches: sidebarMatches,
        // Chrome only: the frame's URL carries a per-session id, so pages cannot fingerprint
        // Sidecar. Firefox rejects the key and randomises extension ids itself.
        ...(isFirefox ? {} : { use_dynamic_url: true }),
      },
    ],
  };
  if (isFirefox) {
    manifest.browser_specific_settings = {
      gecko: {
        id: FIREFOX_ADDON_ID,
        // 140 is the first Firefox (and ESR) that reads `data_collection_permissions`.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  if (mode === 'test') {
    manifest.host_permissions = [...TEST_BUILD_ADDITIONS.host_permissions];
  }
  return manifest;
}
