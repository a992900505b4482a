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

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;

/**
 * One spelling per LinkedIn member or company page: `https://www.linkedin.com/in/<slug>`, no
 * trailing slash or query, country subdomains folded into `www`, slug lower-cased and decoded.
 * Returns null for anything that is not a member (`/in/`) or company (`/company/`) URL.
 */
export function normalizeLinkedInUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim().startsWith('http') ? input.trim() : `https://${input.trim()}`);
  } catch {
    return null;
  }
  if (!LINKEDIN_HOST.test(url.hostname)) return null;
  const match = /^\/(in|company|school)\/([^/?#]+)/i.exec(url.pathname);
  if (!match?.[1] || !match[2]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]);
  } catch {
    slug = match[2];
  }
  slug = slug.trim().toLowerCase();
  if (!slug) return null;
  return `https://www.linkedin.com/${match[1].toLowerCase()}/${encodeURIComponent(slug)}`;
}
