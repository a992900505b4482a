import { monotonicFactory, type PRNG, type ULIDFactory } from 'ulid';

let nextUlid: ULIDFactory = monotonicFactory();

/** A new record id: a ULID, so ids sort by the time they were made, even within one millisecond. */
export function newId(now: number = Date.now()): string {
  return nextUlid(now);
}

/**
 * Scripts and benches only (`npm run sync:once`, `npm run bench`): draw ids from `prng` so a seeded
 * store gets the same ids every run. Called with nothing, ids come from the crypto source again.
 */
export function setIdSource(prng?: PRNG): void {
  nextUlid = monotonicFactory(prng);
}
