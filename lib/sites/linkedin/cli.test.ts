/** The `parse` CLI as a user runs it: one JSON object on stdout, exit codes, one-line errors. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const run = (...args: string[]) => spawnSync(TSX, ['scripts/parse.ts', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('npm run parse', { timeout: 60_000 }, () => {
  it('prints exactly one JSON object for a profile', () => {
    const result = run('--url', 'https://www.linkedin.com/in/ada-example/', 'tests/fixtures/linkedin/2024-07-member-profile.html');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(result.stdout) as { kind: string; person: { fullName: string }; site?: string };
    expect(output.kind).toBe('linkedin-profile');
    expect(output.person.fullName).toBe('Ada Example');
    expect(output).not.toHaveProperty('site');
  });

  it('a missing file exits non-zero with one line on stderr', () => {
    const result = run('--url', 'https://www.linkedin.com/in/x', 'tests/fixtures/linkedin/does-not-exist.html');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('bad arguments exit non-zero with one line on stderr', () => {
    for (const args of [['tests/fixtures/linkedin/2024-company.html'], ['--url', 'nope', 'x.html']]) {
      const result = run(...args);
      expect(result.status, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
