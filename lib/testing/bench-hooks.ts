import { ingestRaw, ingestSidecar, lookups, reset, storage } from '../../bench/worker/store-hooks';

/**
 * Benchmark hooks, test builds only: installed on `globalThis.sidecarTestHooks.bench` by
 * installTestHooks, which production builds never call (so this module is tree-shaken away).
 * One member per bench area; bench/run.ts calls `bench.<area>.<hook>(arg)` through
 * `serviceWorker.evaluate`. The hooks live in bench/worker/ and run inside the service worker.
 */
export const benchHooks = {
  store: { reset, ingestRaw, ingestSidecar, lookups, storage },
};

export type BenchHooks = typeof benchHooks;
