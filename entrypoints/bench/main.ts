import type { PageContext, Site } from '../../lib/model';
import { parseLinkedIn } from '../../lib/sites/linkedin/parse-linkedin';
import { parsePage } from '../../lib/sites/parse-page';

/**
 * Test builds only (wxt.config.ts removes this page from every other build): the page bench/linkedin.ts
 * opens as `chrome-extension://<id>/bench.html` to time the site parsers, which need a real DOM and
 * so cannot run in the service worker; tests/e2e/parse-cli-vs-chromium.spec.ts uses it too.
 */
export interface ParseTimings {
  /** `parsePage` alone, per run (ms). */
  parseMs: number[];
  /** The browser's own `DOMParser.parseFromString` of the same HTML, per run (ms): the baseline. */
  domParseMs: number[];
  /** What the last run recognised, so a bench that times the wrong page says so. */
  kind: string;
  /** `person.fullName` (profiles) or `company.name` (companies) of the last run, else null. */
  name: string | null;
}

export interface SidecarBench {
  parse(html: string, url: string, runs: number, warmup?: number, site?: Site): ParseTimings;
  /** What the parse CLI's code makes of the page in Chromium's DOM (validated), for the CLI-vs-Chromium test. */
  understand(html: string, url: string): PageContext;
}

declare global {
  interface Window {
    sidecarBench?: SidecarBench;
  }
}

function parse(html: string, url: string, runs: number, warmup = 3, site: Site = 'linkedin'): ParseTimings {
  const parser = new DOMParser();
  const parseMs: number[] = [];
  const domParseMs: number[] = [];
  let kind = 'none';
  let name: string | null = null;
  for (let i = 0; i < warmup + runs; i += 1) {
    // A fresh document each run, as a real page load gives the content script.
    const t0 = performance.now();
    const doc = parser.parseFromString(html, 'text/html');
    const t1 = performance.now();
    const context = parsePage(site, doc, url);
    const t2 = performance.now();
    if (i >= warmup) {
      domParseMs.push(t1 - t0);
      parseMs.push(t2 - t1);
    }
    kind = context.kind;
    name = context.kind === 'linkedin-profile' ? (context.person.fullName ?? null)
      : context.kind === 'linkedin-company' ? (context.company.name ?? null) : null;
  }
  return { parseMs, domParseMs, kind, name };
}

function understand(html: string, url: string): PageContext {
  return parseLinkedIn(new DOMParser().parseFromString(html, 'text/html'), url).context;
}

window.sidecarBench = { parse, understand };
document.title = 'Sidecar bench: ready';
