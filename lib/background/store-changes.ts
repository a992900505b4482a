import { storage } from 'wxt/utils/storage';
import { newId } from '../db/ids';

/**
 * A change stamp the background bumps after every write to the store. Pages that cannot open
 * IndexedDB themselves (the in-page sidebar frame: Chromium denies storage to an extension frame
 * inside a third-party page) watch it through `storage.session` and re-ask the background.
 */
const STORE_VERSION = 'session:storeVersion' as const;

export async function markStoreChanged(): Promise<void> {
  await storage.setItem(STORE_VERSION, newId());
}

export function watchStoreChanges(onChange: () => void): () => void {
  return storage.watch<string>(STORE_VERSION, () => onChange());
}
