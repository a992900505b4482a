import { callHook } from './hooks';
import { median, percentile, round } from './stats';
import type { BenchArea, BenchContext, BenchRow } from './types';

/** 50,000 contacts on 10,000 accounts, written 1,000 per repository call. */
const OPTIONS = { accounts: 10_000, contacts: 50_000, batch: 1_000, seed: 20_240_601 };
const PAIRS = 5;
const LOOKUPS = 1_000;
const LOOKUP_TARGET = '≤ 2 ms and ≤ 3× raw';
const LOOKUP_IDS = ['store.lookup.email.p50', 'store.lookup.email.p95', 'store.lookup.domain.p50', 'store.lookup.domain.p95'] as const;
const STORAGE_IDS = ['store.storage.used', 'store.storage.per-contact'] as const;

/**
 * Interleaved full runs, each pair in a fresh browser profile (nothing deleted, so no compaction
 * debt carries over), Sidecar first in odd pairs and raw first in even ones, so neither side always
 * runs on the fuller disk. `afterFirst` runs once the first Sidecar ingest is done, while the origin
 * holds nothing else (storage estimate). The last pair leaves both stores full for the look-ups.
 */
async function ingestPairs(ctx: BenchContext, afterFirst: () => Promise<void>): Promise<BenchRow> {
  const raw: number[] = [];
  const sidecar: number[] = [];
  const ratios: number[] = [];
  for (let pair = 1; pair <= PAIRS; pair += 1) {
    if (pair > 1) await ctx.freshBrowser();
    const sidecarFirst = pair % 2 === 1;
    const r0 = sidecarFirst ? undefined : await callHook(ctx.worker, 'store', 'ingestRaw', OPTIONS);
    const s = await callHook(ctx.worker, 'store', 'ingestSidecar', OPTIONS);
    if (pair === 1) await afterFirst();
    const r = r0 ?? (await callHook(ctx.worker, 'store', 'ingestRaw', OPTIONS));
    raw.push(r.ms);
    sidecar.push(s.ms);
    ratios.push(r.ms / s.ms);
    ctx.log(`ingest pair ${pair}/${PAIRS}: raw ${r.ms.toFixed(0)} ms (accounts ${r.accountsMs.toFixed(0)}, contacts ${r.contactsMs.toFixed(0)}), `
      + `sidecar ${s.ms.toFixed(0)} ms (accounts ${s.accountsMs.toFixed(0)}, contacts ${s.contactsMs.toFixed(0)}), ratio ${(r.ms / s.ms).toFixed(3)}`);
  }
  const records = OPTIONS.accounts + OPTIONS.contacts;
  // Each pair runs back to back on one fresh profile, so its ratio cancels the machine's drifting
  // load; the row's ratio is the median of the pairs' ratios. The ratio of the medians is logged too.
  const ratio = median(ratios);
  ctx.log(`ingest ratio: median of pair ratios ${ratio.toFixed(3)}, ratio of medians ${(median(raw) / median(sidecar)).toFixed(3)}`);
  return {
    id: 'store.ingest', value: round((records / median(sidecar)) * 1000, 0), unit: 'records/s',
    baseline: round((records / median(raw)) * 1000, 0), ratio: round(ratio), target: '≥ 0.5× raw', pass: ratio >= 0.5,
  };
}

function lookupRows(samples: { sidecar: number[]; raw: number[] }, key: 'email' | 'domain'): BenchRow[] {
  return ([50, 95] as const).map((p) => {
    const value = percentile(samples.sidecar, p);
    const baseline = percentile(samples.raw, p);
    const ratio = value / baseline;
    return {
      id: `store.lookup.${key}.p${p}`, value: round(value), unit: 'ms', baseline: round(baseline), ratio: round(ratio),
      target: LOOKUP_TARGET, pass: value <= 2 && ratio <= 3,
    };
  });
}

async function lookups(ctx: BenchContext): Promise<BenchRow[]> {
  const s = await callHook(ctx.worker, 'store', 'lookups', { ...OPTIONS, count: LOOKUPS });
  ctx.log(`${LOOKUPS} look-ups per kind; performance.now() resolution in the worker ${s.timerResolutionMs.toFixed(3)} ms`);
  return [
    ...lookupRows({ sidecar: s.emailSidecar, raw: s.emailRaw }, 'email'),
    ...lookupRows({ sidecar: s.domainSidecar, raw: s.domainRaw }, 'domain'),
  ];
}

async function storageRows(ctx: BenchContext): Promise<BenchRow[]> {
  const { usage, indexedDB } = await callHook(ctx.worker, 'store', 'storage', undefined);
  ctx.log(`storage estimate: usage ${usage} bytes, of which IndexedDB ${indexedDB ?? 'not reported'}`);
  const report = { baseline: null, ratio: null, target: 'report', pass: true };
  return [
    { id: 'store.storage.used', value: round(usage / 1e6, 1), unit: 'MB', ...report },
    { id: 'store.storage.per-contact', value: round(usage / OPTIONS.contacts, 0), unit: 'bytes', ...report },
  ];
}

export const storeArea: BenchArea = {
  prefix: 'store',
  ids: ['store.ingest', ...LOOKUP_IDS, ...STORAGE_IDS],
  async run(ctx) {
    const rows: BenchRow[] = [];
    const wantLookups = LOOKUP_IDS.some((id) => ctx.want(id));
    const wantStorage = STORAGE_IDS.some((id) => ctx.want(id));
    // Storage is estimated on a fresh profile right after the first Sidecar ingest: deleted
    // databases stay on disk until LevelDB compacts, so a later estimate counts earlier runs too.
    const measureStorage = async () => {
      if (wantStorage) rows.push(...(await storageRows(ctx)));
    };
    try {
      if (ctx.want('store.ingest')) rows.unshift(await ingestPairs(ctx, measureStorage));
      else if (wantLookups || wantStorage) {
        // Fill the stores once, untimed, for the look-ups and the storage estimate.
        await callHook(ctx.worker, 'store', 'ingestSidecar', OPTIONS);
        await measureStorage();
        if (wantLookups) await callHook(ctx.worker, 'store', 'ingestRaw', OPTIONS);
      }
      if (wantLookups) rows.push(...(await lookups(ctx)));
    } finally {
      await callHook(ctx.worker, 'store', 'reset', undefined);
    }
    const order: readonly string[] = this.ids;
    return rows.filter((r) => ctx.want(r.id)).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  },
};
