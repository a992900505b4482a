/**
 * Where a rep signs in to Salesforce: production (`login.salesforce.com`), a sandbox
 * (`test.salesforce.com`) or the org's My Domain (`acme.my.salesforce.com`). Anything else is refused
 * before a request is made, so a typo never sends the rep's sign-in to a stranger's host.
 */

export const PRODUCTION_LOGIN = 'https://login.salesforce.com';
export const SANDBOX_LOGIN = 'https://test.salesforce.com';

/**
 * Every Salesforce host Sidecar may be allowed to reach (manifest `optional_host_permissions`).
 * Login hosts, My Domains (`*.my.salesforce.com`, sandboxes under `*.sandbox.my.salesforce.com`) and
 * instances all sit under it.
 */
export const SALESFORCE_HOSTS = 'https://*.salesforce.com/*';

/** Since enhanced domains, every org's API lives on its My Domain: what login.salesforce.com hands back as `instance_url`. */
export const MY_DOMAIN_HOSTS = 'https://*.my.salesforce.com/*';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class LoginHostError extends Error {
  override readonly name = 'LoginHostError';
}

/** `http:` is allowed only for this machine: the local Salesforce emulator in tests and development. */
export function isLoopback(url: string | URL): boolean {
  const { protocol, hostname } = typeof url === 'string' ? new URL(url) : url;
  return protocol === 'http:' && LOOPBACK.has(hostname);
}

/**
 * The login host's origin (`https://acme.my.salesforce.com`) from what the rep typed: a host name, or
 * an https URL with no path, query or credentials. Throws LoginHostError with a sentence to show.
 */
export function parseLoginHost(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new LoginHostError('Enter your org’s login host, such as acme.my.salesforce.com.');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new LoginHostError('That is not a host name, such as acme.my.salesforce.com.');
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new LoginHostError('Enter only the host, such as acme.my.salesforce.com, without a path.');
  }
  if (isLoopback(url)) return url.origin;
  if (url.protocol !== 'https:') throw new LoginHostError('Salesforce is reached over https only.');
  if (url.port) throw new LoginHostError('A Salesforce login host has no port.');
  const host = url.hostname;
  // DNS: a name is at most 253 characters, each label at most 63 (RFC 1035); no org has a longer one.
  if (host.length > 253 || host.split('.').some((label) => label.length > 63)) {
    throw new LoginHostError('That host name is longer than any host can be: check what was pasted.');
  }
  if (host !== 'salesforce.com' && host.endsWith('.salesforce.com') && !host.slice(0, -'.salesforce.com'.length).split('.').some((l) => l === '')) {
    return url.origin;
  }
  throw new LoginHostError('Use login.salesforce.com, test.salesforce.com or your My Domain (a name ending in .salesforce.com).');
}

/** The host-permission pattern for one origin (match patterns ignore the port). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * What to ask the browser for when the rep clicks Connect: the login host, and where the org's API
 * will be. A My Domain login is its own instance; production and sandbox logins hand back a My Domain.
 */
export function connectOrigins(loginOrigin: string): string[] {
  const login = originPattern(loginOrigin);
  return loginOrigin === PRODUCTION_LOGIN || loginOrigin === SANDBOX_LOGIN ? [login, MY_DOMAIN_HOSTS] : [login];
}
