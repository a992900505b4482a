import type { Worker } from '@playwright/test';
import type { BenchHooks } from '../lib/testing/bench-hooks';

type ArgOf<F> = F extends (arg: infer P) => unknown ? P : never;
type ResultOf<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type HookTable = Record<string, Record<string, (arg: unknown) => Promise<unknown>>>;

/**
 * Run `globalThis.sidecarTestHooks.bench[area][hook](arg)` inside the service worker and return
 * its (structured-clonable) result. Keep the evaluated function free of inner named functions:
 * tsx would wrap them in a helper the worker does not have.
 */
export async function callHook<A extends keyof BenchHooks, H extends keyof BenchHooks[A] & string>(
  worker: Worker, area: A, hook: H, arg: ArgOf<BenchHooks[A][H]>,
): Promise<ResultOf<BenchHooks[A][H]>> {
  const result = await worker.evaluate(async (call) => {
    const table = globalThis.sidecarTestHooks?.bench as HookTable | undefined;
    const fn = table?.[call.area]?.[call.hook];
    if (!fn) throw new Error(`no bench hook ${call.area}.${call.hook}: is this the test build (wxt build --mode test)?`);
    return fn(call.arg);
  }, { area: String(area), hook, arg: arg as unknown });
  return result as ResultOf<BenchHooks[A][H]>;
}

/** The worker installs its hooks at start-up; wait until they are there. */
export async function waitForHooks(worker: Worker, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await worker.evaluate(() => globalThis.sidecarTestHooks?.bench !== undefined)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('bench hooks never appeared in the service worker: run "wxt build --mode test" first');
}
