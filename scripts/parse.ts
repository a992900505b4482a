/**
 * `npm run --silent parse -- --url <URL> <saved-page.html> [--debug]`
 *
 * Prints, as one JSON object, what Sidecar understands of a saved page, running the same
 * `lib/sites` code as the extension over a Node DOM (linkedom: fast on 1 MB pages and, like our
 * parsers, textContent-based). Any HTML file exits 0; a missing file or bad arguments exit 1 with a
 * one-line message on stderr. `--debug` prints the failed selector strategies to stderr.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { PageContext, Site } from '../lib/model';
import { parseLinkedIn } from '../lib/sites/linkedin/parse-linkedin';
import { parsePage } from '../lib/sites/parse-page';

export type CliOutput =
  | { kind: 'unknown'; reason: string; profileUrl?: string }
  | Omit<Extract<PageContext, { kind: 'linkedin-profile' }>, 'site'>
  | Omit<Extract<PageContext, { kind: 'linkedin-company' }>, 'site'>;

export function siteOf(url: string): Site {
  const host = new URL(url).hostname.toLowerCase();
  if (/(^|\.)linkedin\.com$/.test(host)) return 'linkedin';
  if (host === 'mail.google.com') return 'gmail';
  return 'website';
}

/** The printed shape of a context: no `site`, nothing the CLI contract does not name. */
export function toOutput(context: PageContext): CliOutput {
  switch (context.kind) {
    case 'linkedin-profile':
      return { kind: context.kind, person: context.person };
    case 'linkedin-company':
      return { kind: context.kind, company: context.company };
    default:
      return context.profileUrl
        ? { kind: 'unknown', reason: context.reason, profileUrl: context.profileUrl }
        : { kind: 'unknown', reason: context.reason };
  }
}

/** The CLI's core: HTML text and the URL it was served from → the printed object. */
export function parseSavedPage(html: string, url: string): { output: CliOutput; failed: string[] } {
  // Like a browser, always build <html><head><body>: linkedom leaves a bare fragment without them.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const site = siteOf(url);
  if (site === 'linkedin') {
    const { context, diagnostics } = parseLinkedIn(document as unknown as Document, url);
    return { output: toOutput(context), failed: diagnostics.failed };
  }
  return { output: toOutput(parsePage(site, document as unknown as Document, url)), failed: [] };
}

interface Args {
  url: string;
  file: string;
  debug: boolean;
}

export function parseArgs(argv: readonly string[]): Args | string {
  let url: string | null = null;
  let file: string | null = null;
  let debug = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--url') {
      url = argv[i + 1] ?? null;
      i += 1;
    } else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '--debug') debug = true;
    else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else if (file === null) file = arg;
    else return 'expected exactly one saved page';
  }
  if (!url) return 'missing --url <URL>';
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) return `--url must be http(s): ${url}`;
  } catch {
    return `--url is not a URL: ${url}`;
  }
  if (!file) return 'missing <saved-page.html>';
  return { url, file, debug };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`parse: ${args} (usage: parse --url <URL> <saved-page.html> [--debug])\n`);
    return 2;
  }
  let html: string;
  try {
    html = readFileSync(args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    process.stderr.write(`parse: cannot read ${args.file} (${code})\n`);
    return 1;
  }
  const { output, failed } = parseSavedPage(html, args.url);
  process.stdout.write(`${JSON.stringify(output)}\n`);
  if (args.debug) process.stderr.write(`failed strategies: ${failed.join(', ') || 'none'}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
