import { getDomain } from 'tldts';

/** Emails compare case-insensitively in practice; we store and index them lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The registrable domain of a host, URL or email address (`app.eu.acme.co.uk` → `acme.co.uk`).
 * Private suffixes count, so `team.github.io` stays `team.github.io` and never merges with every
 * other GitHub Pages site. Returns null for IPs, bare suffixes and garbage.
 */
export function registrableDomain(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  const host = trimmed.includes('@') ? trimmed.slice(trimmed.lastIndexOf('@') + 1) : trimmed;
  const domain = getDomain(host, { allowPrivateDomains: true, validateHostname: true });
  return domain && domain.includes('.') ? domain : null;
}

const LEGAL_SUFFIXES = [
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited',
  'plc', 'gmbh', 'ag', 'kg', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'asa',
  'oy', 'oyj', 'aps', 'pty', 'kk', 'group',
];
const LEGAL_SUFFIX_RE = new RegExp(`(?:\\s+(?:${LEGAL_SUFFIXES.join('|')}))+$`);

/** `Acme, Inc.` and `ACME Inc` both become `acme`: used to match accounts by name. */
export function normalizeAccountName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/&|\band\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const stripped = folded.replace(LEGAL_SUFFIX_RE, '').trim();
  return stripped || folded;
}

// LinkedIn URLs have their own module: content scripts need them without the public-suffix list.
export { normalizeLinkedInUrl } from './linkedin-url';
