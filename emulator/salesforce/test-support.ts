import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from './limits';
import { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from './emulator';

/** Helpers for the emulator's tests: a started emulator with a token, and a small fetch wrapper. */

/** The data API at the newest version the emulator serves by default. */
export const DATA = `/services/data/v${LIMITS.newestApiVersion}.0`;

/** The data API at another version, e.g. `dataAt(45)`. */
export const dataAt = (version: number): string => `/services/data/v${version}.0`;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when empty or not JSON). */
  body: unknown;
}

export interface Harness {
  emulator: SalesforceEmulator;
  token: string;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
}

export async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function start(options: SalesforceEmulatorOptions = {}): Promise<Harness> {
  const emulator = await startSalesforceEmulator(options);
  const { accessToken: token } = emulator.issueToken();
  return {
    emulator,
    token,
    api: async (method, path, body, headers = {}) => read(await fetch(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })),
  };
}

/** `[{...}]` → its first element as a record, for reading error lists. */
export function first(body: unknown): Record<string, unknown> {
  if (!Array.isArray(body) || body.length === 0) throw new Error(`expected a non-empty array, got ${JSON.stringify(body)}`);
  return body[0] as Record<string, unknown>;
}

export function asRecord(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(`expected an object, got ${JSON.stringify(body)}`);
  return body as Record<string, unknown>;
}

/** The shared fixtures directory (beside the repo in CI), or null when it is not there. */
export const FIXTURES_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.SIDECAR_SHARED_FIXTURES ?? '../shared/fixtures');
export const HAVE_FIXTURES = existsSync(resolve(FIXTURES_DIR, 'restforce-salesforce'));

export function fixture(path: string): unknown {
  const text = readFileSync(resolve(FIXTURES_DIR, path), 'utf8');
  return text.trim() ? JSON.parse(text) : null;
}

/** Sorted keys, and for comparing shapes: each key with its JSON type. */
export function shape(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(asRecord(value))) out[key] = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
