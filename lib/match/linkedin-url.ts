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
