import { SCHEMA_VERSIONS } from '../../lib/db/schema';

/**
 * The raw IndexedDB baseline: the same object stores and indexes as Sidecar's Dexie schema, built
 * with the native API from lib/db/schema.ts's index strings. Runs inside the service worker.
 */
interface IndexSpec {
  name: string;
  keyPath: string | string[];
  multiEntry: boolean;
  unique: boolean;
}

interface StoreSpec {
  keyPath: string;
  autoIncrement: boolean;
  indexes: IndexSpec[];
}

function parseIndex(spec: string): IndexSpec {
  const unique = spec.startsWith('&');
  const multiEntry = spec.startsWith('*');
  const name = spec.replace(/^[&*]|^\+\+/g, '');
  const compound = /^\[(.+)\]$/.exec(name);
  return { name, keyPath: compound?.[1] ? compound[1].split('+') : name, multiEntry, unique };
}

/** The latest schema, every version applied in order (a `null` store is deleted). */
export function rawSchema(): Map<string, StoreSpec> {
  const stores = new Map<string, StoreSpec>();
  for (const { stores: version } of SCHEMA_VERSIONS) {
    for (const [name, indexString] of Object.entries(version)) {
      if (indexString === null) {
        stores.delete(name);
        continue;
      }
      const [primary = 'id', ...rest] = indexString.split(',').map((s) => s.trim()).filter(Boolean);
      stores.set(name, {
        keyPath: primary.replace(/^\+\+|^&/, ''),
        autoIncrement: primary.startsWith('++'),
        indexes: rest.map(parseIndex),
      });
    }
  }
  return stores;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function deleteRawDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    req.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** Open (creating on first open) the raw database with the full schema. */
export function openRawDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    for (const [storeName, spec] of rawSchema()) {
      const store = req.result.createObjectStore(storeName, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement });
      for (const index of spec.indexes) {
        store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
      }
    }
  };
  return request(req);
}

/** One readwrite transaction: `put` every record, resolve when it commits. */
export function putBatch(db: IDBDatabase, storeName: string, records: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, 'readwrite');
    const store = tx.objectStore(storeName);
    for (const record of records) store.put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** `index.get(key)` in its own readonly transaction, as a one-off look-up would run. */
export function indexGet(db: IDBDatabase, storeName: string, indexName: string, key: IDBValidKey): Promise<unknown> {
  return request(db.transaction(storeName, 'readonly').objectStore(storeName).index(indexName).get(key));
}
