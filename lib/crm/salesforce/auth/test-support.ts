import type { SidecarDb } from '../../../db/database';
import { connectSalesforce, type ConnectDeps } from './connect';
import type { Locks } from './refresh-lock';

/** Helpers for the auth tests, which run against the Salesforce emulator over real HTTP. */

export const CLIENT_ID = 'sidecar-test-consumer-key';
export const REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/**
 * What `identity.launchWebAuthFlow` does when Salesforce needs no interaction: follow the authorize
 * URL until it redirects to the extension's redirect URL, and hand that URL back.
 */
export async function followAuthorize(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  return location;
}

export function connectDeps(overrides: Partial<ConnectDeps> = {}): ConnectDeps {
  return { redirectUri: REDIRECT_URI, launchWebAuthFlow: followAuthorize, canReach: async () => true, locks: null, ...overrides };
}

export function connectToEmulator(db: SidecarDb, emulatorUrl: string, overrides: Partial<ConnectDeps> = {}) {
  return connectSalesforce(db, { loginHost: emulatorUrl, clientId: CLIENT_ID }, connectDeps(overrides));
}

/** A Web Locks stand-in shared by several "contexts" in one test: one holder per name, in order. */
export function memoryLocks(): Locks & { held: number } {
  const tails = new Map<string, Promise<unknown>>();
  const locks = {
    held: 0,
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const before = tails.get(name) ?? Promise.resolve();
      const run = before.then(async () => {
        locks.held += 1;
        try {
          return await callback();
        } finally {
          locks.held -= 1;
        }
      });
      tails.set(name, run.catch(() => {}));
      return run;
    },
  };
  return locks;
}

/** Token-endpoint calls the emulator saw, by grant: it logs every request's method and path. */
export function tokenCalls(requests: Array<{ pattern: string }>): number {
  return requests.filter((r) => r.pattern === 'POST /services/oauth2/token').length;
}
