import type { BrowserContext, CDPSession } from '@playwright/test';
import { countStores, sendRuntimeMessage } from '../tests/e2e/pages/extension-page';
import { OptionsPage } from '../tests/e2e/pages/options';
import type { LaunchedExtension } from '../tests/harness/launch';

/**
 * The `salesforce.pull.worker-heap` measurement: the test build, connected to an emulator org through
 * the real connect flow (options page, web-auth flow), pulls it with "Sync now"; the service
 * worker's JS heap is read over CDP meanwhile. Playwright opens CDP sessions for pages only, so the
 * worker is reached from a page's session (`Target.attachToTarget`, messages wrapped in
 * `Target.sendMessageToTarget`). Workers have no `Performance` domain: `Runtime.getHeapUsage` gives
 * the used JS heap.
 */

interface WorkerCdp {
  send<T>(method: string, params?: object): Promise<T>;
  close(): Promise<void>;
}

async function attachToWorker(context: BrowserContext): Promise<WorkerCdp> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('no extension service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let next = 0;
  const waiting = new Map<number, { done: (value: unknown) => void; fail: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.error) call.fail(new Error(`worker CDP: ${message.error.message}`));
    else call.done(message.result);
  });
  return {
    send<T>(method: string, params: object = {}) {
      next += 1;
      const id = next;
      return new Promise<T>((done, fail) => {
        waiting.set(id, { done: done as (value: unknown) => void, fail });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail);
      });
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close();
    },
  };
}

export interface WorkerPull {
  /** Used JS heap after a collection, before connecting. */
  beforeBytes: number;
  peakBytes: number;
  /** Used JS heap after a collection, once the pull is over. */
  afterBytes: number;
  /** From Connect clicked to "Sync now" answered (the connect's own run and the one it queued). */
  ms: number;
  stored: number;
  outcome: unknown;
}

/** Connect the test build to the org at `url` (client id `clientId`) and pull it, sampling the worker's heap. */
export async function pullInWorker(extension: Pick<LaunchedExtension, 'context' | 'pageUrl'>, url: string, clientId: string): Promise<WorkerPull> {
  const cdp = await attachToWorker(extension.context);
  try {
    const used = async () => (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    const beforeBytes = await used();
    let peakBytes = beforeBytes;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakBytes = Math.max(peakBytes, await used());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = Date.now();
    const options = await OptionsPage.open(extension as LaunchedExtension);
    let outcome: unknown;
    try {
      await options.salesforce.connect(url, clientId);
      await options.salesforce.user.filter({ hasText: 'Demo Rep' }).waitFor({ timeout: 30_000 });
      outcome = await sendRuntimeMessage(options.page, { type: 'sync.now', payload: {} });
    } finally {
      sampling = false;
      await sampler;
    }
    const ms = Date.now() - started;
    const counts = await countStores(options.page);
    await options.page.close();
    await cdp.send('HeapProfiler.collectGarbage');
    const afterBytes = await used();
    const stored = (counts.accounts ?? 0) + (counts.contacts ?? 0) + (counts.activities ?? 0) + (counts.tasks ?? 0);
    return { beforeBytes, peakBytes, afterBytes, ms, stored, outcome };
  } finally {
    await cdp.close();
  }
}
