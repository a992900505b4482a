/** `npm run sync:once` as a user runs it, against the Salesforce emulator: one JSON object, exit codes, and idempotent re-runs. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulator/salesforce';
import { EXTERNAL_ID_FIELD } from '../../lib/crm/salesforce/config';
import type { SyncOnceReport } from '../../scripts/sync-once';

const TSX = path.resolve('node_modules/.bin/tsx');
const OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task'] as const;

/** Async, not spawnSync: the emulator answers from this process's event loop. */
function run(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/sync-once.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let sf: SalesforceEmulator;

beforeEach(async () => {
  sf = await startSalesforceEmulator();
});
afterEach(async () => {
  await sf.close();
});

async function syncOnce(seed: string): Promise<SyncOnceReport> {
  const { accessToken } = sf.issueToken();
  const result = await run('--instance-url', sf.url, '--access-token', accessToken, '--seed', seed);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as SyncOnceReport;
}

/** Each object's External IDs in the org, sorted: the same set means the same records. */
function orgRecords(): Record<string, string[]> {
  return Object.fromEntries(OBJECTS.map((o) => [o, sf.records(o).map((r) => String(r[EXTERNAL_ID_FIELD])).sort()]));
}

describe('npm run sync:once', { timeout: 60_000 }, () => {
  it.each([
    ['25', { Account: 5, Contact: 25, Task: 25 }],
    ['demo', { Account: 4, Contact: 6, Lead: 1, Opportunity: 3, Task: 7 }],
  ])('--seed %s twice: the first run creates the records, the second creates nothing and parks nothing', async (seed, expected) => {
    const first = await syncOnce(seed);
    expect(first.errors).toEqual([]);
    expect(first.pushed?.created).toEqual(expected);
    expect(first.pushed?.pushed).toEqual(expected);
    expect(first.pulled).not.toBeNull();
    expect(first.requests['GET /services/oauth2/userinfo']).toBe(1);
    const after = orgRecords();
    const none: Record<string, number> = Object.fromEntries(OBJECTS.map((o) => [o, 0]));
    expect(Object.fromEntries(OBJECTS.map((o) => [o, after[o]!.length]))).toEqual({ ...none, ...expected });
    expect(Object.values(after).flat()).not.toContain('undefined');

    const second = await syncOnce(seed);
    expect(second.pushed?.created).toEqual({});
    expect(orgRecords()).toEqual(after); // same seed, same ids: the same records
    expect(second.errors).toEqual([]);
  });

  it('bad arguments exit 2 with one line on stderr and nothing on stdout', async () => {
    const cases = [
      ['--access-token', 'x'],
      ['--instance-url', 'http://127.0.0.1:1'],
      ['--instance-url', 'not a url', '--access-token', 'x'],
      ['--instance-url', sf.url, '--access-token', 'x', '--seed', 'lots'],
      ['--instance-url', sf.url, '--access-token', 'x', '--frobnicate'],
    ];
    for (const args of cases) {
      const result = await run(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('an unreachable instance or a refused token exits 2 with one line', async () => {
    const { accessToken } = sf.issueToken();
    for (const args of [['--instance-url', 'http://127.0.0.1:1', '--access-token', accessToken], ['--instance-url', sf.url, '--access-token', 'not-a-token']]) {
      const result = await run(...args, '--seed', '1');
      expect(result.status, args[1]).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^sync:once: cannot use http:\/\/127\.0\.0\.1:\d+: .+\n$/);
    }
    expect(sf.records('Account')).toHaveLength(0);
  });
});
