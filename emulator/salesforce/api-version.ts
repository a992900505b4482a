import { AsyncLocalStorage } from 'node:async_hooks';
import { LIMITS } from './limits';

/**
 * The REST API versions the emulated org serves, and the version of the request being answered.
 * Every data route answers at every served version; the version a request named is kept for the
 * length of that request so the URLs in its answer (attributes.url, Location, nextRecordsUrl,
 * describe urls) carry it, as a real org's do.
 */

export interface VersionEntry {
  label: string;
  url: string;
  version: string;
}

/** '61.0', 'v61.0' or 61 → 61; null for anything else. */
export function versionNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const match = /^v?(\d+)\.0$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/** Salesforce names releases by season, three a year: 62.0 Winter '25, 63.0 Spring '25, 64.0 Summer '25. */
export function releaseLabel(version: number): string {
  const step = version - 32; // 32.0 was Winter '15
  const season = ['Winter', 'Spring', 'Summer'][((step % 3) + 3) % 3];
  const year = 15 + Math.floor(step / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export function servedVersions(newest: number): VersionEntry[] {
  const list: VersionEntry[] = [];
  for (let v = LIMITS.oldestApiVersion; v <= newest; v++) {
    list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return list;
}

export type VersionVerdict = { kind: 'served'; version: number } | { kind: 'retired' } | { kind: 'unknown' };

/** What a path segment such as `v62.0` means to an org whose newest version is `newest`. */
export function judgeVersion(segment: string, newest: number): VersionVerdict {
  const match = /^v(\d+)\.0$/.exec(segment);
  if (!match) return { kind: 'unknown' };
  const version = Number(match[1]);
  if (version > newest) return { kind: 'unknown' };
  if (version >= LIMITS.oldestApiVersion) return { kind: 'served', version };
  return version >= LIMITS.firstEverApiVersion ? { kind: 'retired' } : { kind: 'unknown' };
}

const current = new AsyncLocalStorage<number>();

/** Runs `work` (and everything it awaits) as a request at `version`. */
export function atVersion<T>(version: number, work: () => T): T {
  return current.run(version, work);
}

/** The version of the request being answered, or `fallback` outside a request. */
export function requestVersion(fallback: number): number {
  return current.getStore() ?? fallback;
}

/** `/services/data/vNN.0`. */
export function dataPath(version: number): string {
  return `/services/data/v${version}.0`;
}

/** The route prefix every data route is registered under; the gate decides which versions pass. */
export const DATA_ROUTE = '/services/data/:version';
