import type { Table } from 'dexie';

/**
 * Records whose `index` holds any of `keys`, each once. Issues one index request per key, all at once, so
 * IndexedDB pipelines them inside the transaction; Dexie's `anyOf` walks one cursor that seeks key
 * by key, which costs a round trip each and was a quarter of a bulk import's time (bench/README.md).
 */
export async function findByIndex<T extends { id: string }, TInsert>(
  table: Table<T, string, TInsert>, index: string, keys: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const found = await Promise.all(unique.map((key) => table.where(index).equals(key).toArray()));
  // A multi-entry index returns one record once per matching key: keep each record once.
  return [...new Map(found.flat().map((record) => [record.id, record])).values()];
}
