import { SidecarDb } from './database';

let counter = 0;

/** A fresh, empty store per test (fake-indexeddb in unit tests). */
export function freshDb(): SidecarDb {
  counter += 1;
  return new SidecarDb(`sidecar-test-${counter}-${Math.random().toString(36).slice(2)}`);
}
