import type { BrowserContext, Worker } from '@playwright/test';

/** One figure in bench/results.json. Ids are stable and area-prefixed (`store.ingest`). */
export interface BenchRow {
  id: string;
  value: number | null;
  unit: string;
  /** The same figure for the baseline, measured in the same run; null when there is none. */
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
}

export interface BenchContext {
  /** The test build's service worker; run hooks in it with `callHook`. */
  worker: Worker;
  /**
   * The Chromium context the test build is loaded in (open extension pages as tabs:
   * `chrome-extension://<id>/bench.html`); `freshBrowser` replaces it too.
   */
  context?: BrowserContext;
  /** Whether a row id was asked for (`--only <prefix>`); an area skips work nobody wants. */
  want(id: string): boolean;
  log(message: string): void;
  /**
   * Close Chromium and start it again on a new, empty profile; `worker` then points at the new
   * service worker. A deleted database's bytes stay in the origin's LevelDB until it compacts, and
   * they slowed every later run (seen: raw ingest 14 s in the first pair, 51 s in the fifth).
   */
  freshBrowser(): Promise<Worker>;
}

/** A bench area: one file in bench/, registered in bench/areas.ts. */
export interface BenchArea {
  prefix: string;
  /** Every row id the area can produce. */
  ids: readonly string[];
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
