import type { BrowserContext, Route } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A URL (exact, or a RegExp) served from a fixture file under its real hostname. */
export interface FixtureRoute {
  url: string | RegExp;
  file: string;
}

export const FIXTURE_PAGES = {
  gmailInbox: { url: 'https://mail.google.com/mail/u/0/#inbox', file: 'tests/fixtures/gmail/2026-11-inbox.html' },
  linkedinFeed: { url: 'https://www.linkedin.com/feed/', file: 'tests/fixtures/linkedin/2026-11-feed.html' },
  /** The same page on a country subdomain: LinkedIn serves members there too. */
  linkedinFeedSweden: { url: 'https://se.linkedin.com/feed/', file: 'tests/fixtures/linkedin/2026-11-feed.html' },
  /** One (scrubbed) person, "Ada Example", in the member view, under two spellings of its URL… */
  linkedinMemberProfile: { url: 'https://www.linkedin.com/in/ada-example/', file: 'tests/fixtures/linkedin/2024-07-member-profile.html' },
  linkedinMemberProfileTracked: {
    url: 'https://www.linkedin.com/in/ada-example?trk=public_profile_browsemap', file: 'tests/fixtures/linkedin/2024-07-member-profile.html',
  },
  /** …and in the logged-out public view, on a country subdomain. */
  linkedinPublicProfile: { url: 'https://se.linkedin.com/in/ada-example', file: 'tests/fixtures/linkedin/2024-06-public-profile.html' },
  linkedinCompany: { url: 'https://www.linkedin.com/company/placeholder-company/', file: 'tests/fixtures/linkedin/2024-company.html' },
  /** A profile whose name and headline carry HTML and script, as text. */
  linkedinHostileProfile: { url: 'https://www.linkedin.com/in/hostile-example', file: 'tests/fixtures/linkedin/2026-11-hostile-profile.html' },
} as const;

function matches(route: FixtureRoute, url: string): boolean {
  if (typeof route.url !== 'string') return route.url.test(url);
  // Gmail's hash never reaches the network: compare without it.
  return url === route.url.split('#')[0] || url === route.url;
}

/**
 * Serve fixtures under their real hostnames so the production content-script matches are the ones
 * tested, and abort every other request: a real page's trackers and images cannot hang a test on
 * DNS, and nothing leaves the machine. Returns the list of aborted URLs, for tests that care.
 */
export async function serveFixtures(context: BrowserContext, routes: FixtureRoute[]): Promise<string[]> {
  const aborted: string[] = [];
  // Only the web: Playwright would otherwise also intercept the extension's own chrome-extension:// files.
  await context.route(/^(https?|wss?):\/\//, async (route: Route) => {
    const url = route.request().url();
    const fixture = routes.find((r) => matches(r, url));
    if (fixture) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(fixture.file)) });
    } else {
      aborted.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return aborted;
}
