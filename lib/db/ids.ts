import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** A new record id: a ULID, so ids sort by the time they were made, even within one millisecond. */
export function newId(now: number = Date.now()): string {
  return nextUlid(now);
}
