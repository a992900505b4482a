import type { Page } from '@playwright/test';

/** The stores of Sidecar's IndexedDB database, and how many records each holds. */
export type StoreCounts = Record<string, number>;

/**
 * Count every store of the `sidecar` database, read straight from IndexedDB in an extension page
 * (the extension's origin), not through the app. Fails if the database does not exist yet, rather
 * than creating an empty one under the app.
 */
export function countStores(page: Page): Promise<StoreCounts> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('sidecar')) throw new Error(`no "sidecar" database (have: ${names.join(', ') || 'none'})`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    try {
      const stores = [...db.objectStoreNames];
      const tx = db.transaction(stores, 'readonly');
      const counts = await Promise.all(
        stores.map(
          (name) =>
            new Promise<[string, number]>((resolve, reject) => {
              const request = tx.objectStore(name).count();
              request.onsuccess = () => resolve([name, request.result]);
              request.onerror = () => reject(request.error ?? new Error(`count ${name} failed`));
            }),
        ),
      );
      return Object.fromEntries(counts);
    } finally {
      db.close();
    }
  });
}

/** Every record in the given stores (id, and whether it is sample data), and the record ids the outbox queues. */
export function outboxCoverage(
  page: Page,
  stores: readonly string[],
): Promise<{ records: Array<{ id: string; sample: boolean }>; outboxRecordIds: string[] }> {
  return page.evaluate(async (storeNames) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sidecar');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    const all = (name: string) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const request = db.transaction(name, 'readonly').objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
        request.onerror = () => reject(request.error ?? new Error(`getAll ${name} failed`));
      });
    try {
      const records = (await Promise.all(storeNames.map(all))).flat().map((r) => ({ id: String(r.id), sample: r.sample === true }));
      const outboxRecordIds = (await all('outbox')).flatMap((e) => (e.recordIds as unknown[]).map(String));
      return { records, outboxRecordIds };
    } finally {
      db.close();
    }
  }, stores);
}

/** A raw runtime message from this extension page to the background, and its raw reply. */
export function sendRuntimeMessage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}
