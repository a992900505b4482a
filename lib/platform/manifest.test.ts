import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES, FIREFOX_ADDON_ID, OPTIONAL_ALL_SITES, OPTIONAL_HOSTS, TEST_BUILD_ADDITIONS } from './manifest';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  web_accessible_resources?: Array<Record<string, unknown>>;
  browser_specific_settings?: { gecko?: { id?: string } };
};

function built(dir: string): Manifest {
  const path = resolve('.output', dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run "npm run build && npm run build:test && npm run build:firefox" first (npm test does).`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

describe('built manifests', () => {
  const production = built('chrome-mv3');
  const testBuild = built('chrome-mv3-test');
  const firefox = built('firefox-mv3');

  it('the test build differs from production only by the allow-listed additions', () => {
    const allowed = new Set(Object.keys(TEST_BUILD_ADDITIONS));
    const keys = new Set([...Object.keys(production), ...Object.keys(testBuild)]);
    const differing = [...keys].filter((k) => JSON.stringify(production[k]) !== JSON.stringify(testBuild[k]));
    expect(differing.sort()).toEqual([...allowed].sort());
    for (const key of allowed) {
      expect(testBuild[key]).toEqual(TEST_BUILD_ADDITIONS[key as keyof typeof TEST_BUILD_ADDITIONS]);
      expect(production[key]).toBeUndefined();
    }
  });

  it('production asks for no host permission at install; all sites and Salesforce are optional', () => {
    expect(production.host_permissions).toBeUndefined();
    expect(production.optional_host_permissions).toEqual([...OPTIONAL_HOSTS]);
    expect(production.optional_host_permissions).toEqual([OPTIONAL_ALL_SITES, 'https://*.salesforce.com/*']);
    expect(production.permissions?.sort()).toEqual(['alarms', 'identity', 'sidePanel', 'storage', 'unlimitedStorage']);
  });

  it('plain http is reachable only in the test build, and only on this machine (the Salesforce emulator)', () => {
    const patterns = (m: Manifest) => [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])];
    expect(patterns(production).filter((p) => !p.startsWith('https://'))).toEqual([]);
    expect(patterns(firefox).filter((p) => !p.startsWith('https://'))).toEqual([]);
    expect(patterns(testBuild).filter((p) => !p.startsWith('https://')).sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('content scripts run only on Gmail and LinkedIn', () => {
    const matches = production.content_scripts?.flatMap((c) => c.matches).sort();
    expect(matches).toEqual([...CONTENT_SCRIPT_MATCHES.gmail, ...CONTENT_SCRIPT_MATCHES.linkedin].sort());
  });

  it('the sidebar page is framed with a per-session URL on Chrome, and without the key Firefox rejects', () => {
    expect(production.web_accessible_resources).toEqual([
      expect.objectContaining({ resources: ['sidebar.html'], use_dynamic_url: true }),
    ]);
    expect(firefox.web_accessible_resources?.[0]).not.toHaveProperty('use_dynamic_url');
  });

  it('Firefox gets an add-on id, its sidebar, and no Chrome-only permission', () => {
    expect(firefox.browser_specific_settings?.gecko?.id).toBe(FIREFOX_ADDON_ID);
    expect(firefox).toHaveProperty('sidebar_action');
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.permissions).toContain('identity');
    expect(firefox.optional_host_permissions).toEqual([...OPTIONAL_HOSTS]);
    expect(firefox.manifest_version).toBe(3);
  });
});
