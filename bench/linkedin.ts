import type { BrowserContext, Frame, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tests/harness/launch';
import { serveFixtures } from '../tests/harness/routes';
import type { SidecarBench } from '../entrypoints/bench/main';
import { launchPlain } from './plain-browser';
import { median, percentile, round } from './stats';
import type { BenchArea, BenchContext, BenchRow } from './types';

/** The shared real-page corpus (not in the repository): ../shared/fixtures/expected.json lists it. */
const FIXTURES_DIR = resolve(process.env.SIDECAR_SHARED_FIXTURES ?? '../shared/fixtures');
/** The ~1.3 MB logged-in member view with its full <head>: the heaviest LinkedIn page we hold. */
const MEMBER_VIEW_FILE = 'scoutr-linkedin/loggedin-2024-fullhead/profile1-with-head.html';

const PARSE_RUNS = 30;
const PARSE_WARMUP = 5;
const PARSE_TARGET_MS = 15;
const READY_LOADS = 10;
const READY_TARGET_MS = 150;
const OVERHEAD_LOADS = 11;
/** Quiet time after the page loaded (and, with Sidecar, after the sidebar shows the person). */
const SETTLE_MS = 500;
const OVERHEAD_TARGET = 1.05;

const PARSE_IDS = ['linkedin.parse.p50', 'linkedin.parse.p95', 'linkedin.parse.member-view.p95'] as const;
const READY_ID = 'linkedin.sidebar.ready';
const OVERHEAD_ID = 'linkedin.main-thread.overhead';
const OVERHEAD_PLAIN_ID = 'linkedin.main-thread.overhead.vs-plain-browser';

interface FixtureCase {
  id: string;
  file: string;
  url: string;
  kind?: string;
  expect?: Record<string, unknown>;
}

function linkedinCases(): FixtureCase[] {
  const manifest = JSON.parse(readFileSync(join(FIXTURES_DIR, 'expected.json'), 'utf8')) as { cases: FixtureCase[] };
  return manifest.cases.filter((c) => c.id.startsWith('li-'));
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

declare global {
  interface Window {
    /** Sidebar frame (init script): when the person's name was first painted, epoch ms. */
    sidecarBenchNameShownAt?: number;
    /** Host page (init script): when each new child of <html> arrived (Sidecar's launcher, the frame's wrapper), epoch ms. */
    sidecarBenchHtmlChildren?: Record<string, number>;
  }
}

// ---------------------------------------------------------------------------------------------
// linkedin.parse.*: parsePage in the test build's bench.html, against the browser's own DOMParser.

async function openBenchPage(ctx: BenchContext): Promise<Page> {
  if (!ctx.context) throw new Error('BenchContext.context is missing: bench/run.ts must set it');
  const extensionId = new URL(ctx.worker.url()).host;
  const page = await ctx.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/bench.html`);
  await page.waitForFunction(() => window.sidecarBench !== undefined, undefined, { timeout: 10_000 }).catch(() => {
    throw new Error('bench.html has no window.sidecarBench: is this the test build (wxt build --mode test)?');
  });
  return page;
}

async function parseRows(ctx: BenchContext, cases: readonly FixtureCase[]): Promise<BenchRow[]> {
  const page = await openBenchPage(ctx);
  const parse: number[] = [];
  const dom: number[] = [];
  let memberView: { parse: number[]; dom: number[] } | null = null;
  try {
    for (const c of cases) {
      const html = readFileSync(join(FIXTURES_DIR, c.file), 'utf8');
      const result = await page.evaluate(
        ({ html, url, runs, warmup }) => (window.sidecarBench as SidecarBench).parse(html, url, runs, warmup),
        { html, url: c.url, runs: PARSE_RUNS, warmup: PARSE_WARMUP },
      );
      parse.push(...result.parseMs);
      dom.push(...result.domParseMs);
      if (c.file === MEMBER_VIEW_FILE) memberView = { parse: result.parseMs, dom: result.domParseMs };
      const wrongKind = c.kind && c.kind !== result.kind ? ` (expected ${c.kind}!)` : '';
      ctx.log(`parse ${c.id} (${(html.length / 1e6).toFixed(2)} MB): ${result.kind}${wrongKind} "${result.name ?? ''}", `
        + `parsePage p50 ${ms(median(result.parseMs))} p95 ${ms(percentile(result.parseMs, 95))}, `
        + `DOMParser p50 ${ms(median(result.domParseMs))}`);
    }
  } finally {
    await page.close();
  }
  const row = (id: string, p: number, ours: readonly number[], browser: readonly number[]): BenchRow => {
    const value = percentile(ours, p);
    const baseline = percentile(browser, p);
    return {
      id, value: round(value, 2), unit: 'ms', baseline: round(baseline, 2), ratio: round(value / baseline),
      target: `≤ ${PARSE_TARGET_MS} ms`, pass: value <= PARSE_TARGET_MS,
    };
  };
  const rows = [row('linkedin.parse.p50', 50, parse, dom), row('linkedin.parse.p95', 95, parse, dom)];
  if (memberView) rows.push(row('linkedin.parse.member-view.p95', 95, memberView.parse, memberView.dom));
  else ctx.log(`parse: ${MEMBER_VIEW_FILE} is not among the li- cases; no member-view row`);
  return rows.filter((r) => ctx.want(r.id));
}

// ---------------------------------------------------------------------------------------------
// linkedin.sidebar.ready and linkedin.main-thread.overhead: the member view served under its real
// URL, in a fresh Chromium with the test build and (overhead) a fresh one without any extension.

/**
 * Init script for every frame, in both browsers (so the baseline runs it too). Sidebar frame: stamp
 * the first animation frame after the person's name is in its DOM. Host page: stamp each element
 * appended straight to <html> (childList only, never the subtree, so it costs the page nothing):
 * the launcher is appended as the content script starts, the frame's wrapper once it mounts.
 */
function installStamps(name: string): void {
  // No inner named functions: tsx would wrap them in a `__name` helper the page does not have.
  if (location.protocol === 'chrome-extension:') {
    if (!location.pathname.endsWith('/sidebar.html')) return;
    const observer = new MutationObserver(() => {
      if (!document.documentElement.textContent?.includes(name)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        window.sidecarBenchNameShownAt = performance.timeOrigin + performance.now();
      });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    return;
  }
  if (window !== window.top) return;
  const stamps: Record<string, number> = {};
  window.sidecarBenchHtmlChildren = stamps;
  const onHtml = new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        const key = node.nodeName.toLowerCase() + (node.firstChild ? `>${node.firstChild.nodeName.toLowerCase()}` : '');
        stamps[key] ??= performance.timeOrigin + performance.now();
      });
    }
  });
  const onDocument = new MutationObserver(() => {
    if (!document.documentElement) return;
    onDocument.disconnect();
    onHtml.observe(document.documentElement, { childList: true });
  });
  if (document.documentElement) onHtml.observe(document.documentElement, { childList: true });
  else onDocument.observe(document, { childList: true });
}

/**
 * Wait until the sidebar frame has painted the person, without evaluating anything in the host
 * page: Playwright's locators would inject its (large) script there and bill the host's main thread.
 */
async function sidebarShows(page: Page, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  let frame: Frame | undefined;
  while (!(frame = page.frames().find((f) => f.url().endsWith('/sidebar.html')))) {
    if (Date.now() > deadline) throw new Error('the sidebar frame never appeared');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await frame.waitForFunction(() => window.sidecarBenchNameShownAt !== undefined, undefined, { timeout: Math.max(1, deadline - Date.now()) });
  return frame;
}

async function readyOnce(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const frame = await sidebarShows(page);
    const nodeSeenAt = Date.now();
    const host = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        origin: performance.timeOrigin, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
        children: window.sidecarBenchHtmlChildren ?? {}, skew: performance.timeOrigin + performance.now() - Date.now(),
      };
    });
    const side = await frame.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        origin: performance.timeOrigin, dcl: n.domContentLoadedEventEnd, shown: window.sidecarBenchNameShownAt!,
        skew: performance.timeOrigin + performance.now() - Date.now(),
      };
    });
    const dclAt = host.origin + host.dcl;
    const since = (t: number | undefined) => (t === undefined ? Number.NaN : t - dclAt);
    return {
      ready: side.shown - dclAt,
      node: nodeSeenAt - dclAt,
      dcl: host.dcl,
      load: host.load - host.dcl,
      launcher: since(host.children['sidecar-launcher']),
      frameMounted: since(Object.entries(host.children).find(([k]) => k.endsWith('>iframe'))?.[1]),
      frameStart: since(side.origin),
      frameDcl: since(side.origin + side.dcl),
      skew: side.skew - host.skew,
    };
  } finally {
    await page.close();
  }
}

async function readyRow(ctx: BenchContext, context: BrowserContext, url: string): Promise<BenchRow> {
  await readyOnce(context, url); // warm-up: first compile of the content script and sidebar
  const samples: Awaited<ReturnType<typeof readyOnce>>[] = [];
  const f = (v: number) => v.toFixed(0);
  for (let i = 1; i <= READY_LOADS; i += 1) {
    const r = await readyOnce(context, url);
    samples.push(r);
    ctx.log(`sidebar.ready load ${i}/${READY_LOADS}: ${ms(r.ready)} after DOMContentLoaded (DCL ${ms(r.dcl)} after navigation start); `
      + `after DCL: load +${f(r.load)}, launcher +${f(r.launcher)}, frame mounted +${f(r.frameMounted)}, `
      + `frame navigation +${f(r.frameStart)}, frame DCL +${f(r.frameDcl)}, name painted +${f(r.ready)}, Node saw it +${f(r.node)} `
      + `(clock skew frame−page ${r.skew.toFixed(1)} ms)`);
  }
  const med = (key: keyof (typeof samples)[number]) => f(median(samples.map((s) => s[key])));
  ctx.log(`sidebar.ready medians after DCL: load +${med('load')}, content script (launcher) +${med('launcher')}, frame mounted +${med('frameMounted')}, `
    + `frame navigation +${med('frameStart')}, frame DCL +${med('frameDcl')}, name painted +${med('ready')} ms`);
  const value = median(samples.map((s) => s.ready));
  return {
    id: READY_ID, value: round(value, 1), unit: 'ms', baseline: null, ratio: null,
    target: `≤ ${READY_TARGET_MS} ms after the top card is in the DOM`, pass: value <= READY_TARGET_MS,
  };
}

interface MainThread {
  task: number;
  script: number;
  layout: number;
  style: number;
}

/** One load in a fresh tab; CDP Performance metrics of the page's renderer after it settled. */
async function mainThreadOnce(context: BrowserContext, url: string, withSidecar: boolean): Promise<MainThread> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    if (withSidecar) await sidebarShows(page);
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    await cdp.detach();
    return { task: metric('TaskDuration'), script: metric('ScriptDuration'), layout: metric('LayoutDuration'), style: metric('RecalcStyleDuration') };
  } finally {
    await page.close();
  }
}

/** The member view again, on a host Sidecar never runs on: the same page, browser and profile, no content script. */
function controlUrl(url: string): string {
  const u = new URL(url);
  u.host = 'sidecar-control.example';
  return u.toString();
}

async function overheadRows(ctx: BenchContext, withSidecar: BrowserContext, url: string, fullName: string): Promise<BenchRow[]> {
  const plain = await launchPlain();
  try {
    const file = join(FIXTURES_DIR, MEMBER_VIEW_FILE);
    const control = controlUrl(url);
    await serveFixtures(plain.context, [{ url, file }]);
    await plain.context.addInitScript(installStamps, fullName);
    const arms = {
      sidecar: () => mainThreadOnce(withSidecar, url, true),
      control: () => mainThreadOnce(withSidecar, control, false),
      plain: () => mainThreadOnce(plain.context, url, false),
    };
    type Arm = keyof typeof arms;
    const order: Arm[] = ['sidecar', 'control', 'plain'];
    for (const arm of order) await arms[arm](); // warm-up, each arm
    const samples: Record<Arm, MainThread[]> = { sidecar: [], control: [], plain: [] };
    const show = (m: MainThread) => `task ${ms(m.task)} (script ${ms(m.script)}, layout ${ms(m.layout)}, style ${ms(m.style)})`;
    for (let i = 0; i < OVERHEAD_LOADS; i += 1) {
      // Rotate which arm goes first, so none always runs on the warmer machine.
      const rotated = [...order.slice(i % 3), ...order.slice(0, i % 3)];
      for (const arm of rotated) samples[arm].push(await arms[arm]());
      ctx.log(`main-thread load ${i + 1}/${OVERHEAD_LOADS}: ${order.map((arm) => `${arm} ${show(samples[arm].at(-1)!)}`).join('; ')}`);
    }
    const med = (arm: Arm, key: keyof MainThread) => median(samples[arm].map((m) => m[key]));
    for (const key of ['task', 'script', 'layout', 'style'] as const) {
      ctx.log(`main-thread ${key} medians: ${order.map((arm) => `${arm} ${ms(med(arm, key))}`).join(', ')}`);
    }
    const value = med('sidecar', 'task');
    const row = (id: string, baseline: number, target: string, pass: boolean): BenchRow => ({
      id, value: round(value, 1), unit: 'ms', baseline: round(baseline, 1), ratio: round(value / baseline), target, pass,
    });
    return [
      row(OVERHEAD_ID, med('control', 'task'), `≤ ${OVERHEAD_TARGET}× (≤ 5% added)`, value / med('control', 'task') <= OVERHEAD_TARGET),
      // The same page in a Chromium with no extension at all: adds what any installed extension costs a renderer.
      row(OVERHEAD_PLAIN_ID, med('plain', 'task'), 'report', true),
    ];
  } finally {
    await plain.close();
  }
}

async function pageLoadRows(ctx: BenchContext, memberView: FixtureCase): Promise<BenchRow[]> {
  const fullName = memberView.expect?.['person.fullName'];
  if (typeof fullName !== 'string') throw new Error(`${memberView.id} has no expected person.fullName`);
  const rows: BenchRow[] = [];
  const extension = await launchWithExtension({ build: 'test' });
  try {
    const file = join(FIXTURES_DIR, MEMBER_VIEW_FILE);
    await serveFixtures(extension.context, [{ url: memberView.url, file }, { url: controlUrl(memberView.url), file }]);
    await extension.context.addInitScript(installStamps, fullName);
    if (ctx.want(READY_ID)) rows.push(await readyRow(ctx, extension.context, memberView.url));
    if (ctx.want(OVERHEAD_ID) || ctx.want(OVERHEAD_PLAIN_ID)) rows.push(...(await overheadRows(ctx, extension.context, memberView.url, fullName)));
  } finally {
    await extension.close();
  }
  return rows;
}

export const linkedinArea: BenchArea = {
  prefix: 'linkedin.',
  ids: [...PARSE_IDS, READY_ID, OVERHEAD_ID, OVERHEAD_PLAIN_ID],
  async run(ctx) {
    if (!existsSync(join(FIXTURES_DIR, 'expected.json'))) {
      ctx.log(`linkedin: SKIPPED, no shared fixtures at ${FIXTURES_DIR} (expected.json missing; set SIDECAR_SHARED_FIXTURES)`);
      return [];
    }
    const cases = linkedinCases().filter((c) => existsSync(join(FIXTURES_DIR, c.file)));
    ctx.log(`linkedin: ${cases.length} LinkedIn pages in ${FIXTURES_DIR}`);
    const rows: BenchRow[] = [];
    if (PARSE_IDS.some((id) => ctx.want(id))) rows.push(...(await parseRows(ctx, cases)));
    if (ctx.want(READY_ID) || ctx.want(OVERHEAD_ID) || ctx.want(OVERHEAD_PLAIN_ID)) {
      const memberView = cases.find((c) => c.file === MEMBER_VIEW_FILE);
      if (memberView) rows.push(...(await pageLoadRows(ctx, memberView)));
      else ctx.log(`linkedin: ${MEMBER_VIEW_FILE} missing; no sidebar.ready or main-thread rows`);
    }
    return rows;
  },
};
