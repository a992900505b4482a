import type { Worker } from '@playwright/test';

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
  /** Whether a row id was asked for (`--only <prefix>`); an area skips work nobody wants. */
  want(id: string): boolean;
  log(message: string): void;
}

/** A bench area: one file in bench/, registered in bench/areas.ts. */
export interface BenchArea {
  prefix: string;
  /** Every row id the area can produce. */
  ids: readonly string[];
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
