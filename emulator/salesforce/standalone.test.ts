import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The emulator shares no code or constants with the client it tests: no .ts file under emulator/
 * may import from outside emulator/ except npm packages and node: built-ins.
 */

const EMULATOR_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every module specifier in `source`: import/export … from, side-effect imports, import(), require(). */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] ?? '');
  return found;
}

/** Why `specifier`, imported by the file at `file`, leaves emulator/; null when it stays inside. */
export function escapes(file: string, specifier: string): string | null {
  if (/^[@~]\//.test(specifier)) return `path alias ${specifier}`;
  if (specifier.startsWith('/')) return `absolute path ${specifier}`;
  if (!specifier.startsWith('.')) return null; // an npm package or node: built-in
  const target = relative(EMULATOR_ROOT, resolve(dirname(file), specifier));
  return target === '..' || target.startsWith(`..${sep}`) ? `relative path to ${target}` : null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the emulator stands on its own', () => {
  it('imports nothing from outside emulator/ but npm packages and node: built-ins', () => {
    const files = tsFiles(EMULATOR_ROOT);
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((file) => specifiers(readFileSync(file, 'utf8'))
      .map((specifier) => ({ file: relative(EMULATOR_ROOT, file), specifier, why: escapes(file, specifier) }))
      .filter((o) => o.why !== null));
    expect(offences).toEqual([]);
  });

  it('catches each way out: import, export … from, import(), require(), aliases', () => {
    const file = join(EMULATOR_ROOT, 'salesforce', 'example.ts');
    const source = [
      "import { SALESFORCE_API_VERSION } from 'UP/lib/crm/salesforce/config';",
      "import type { Contact } from 'UP/lib/crm/types';",
      "import {\n  A,\n  B,\n} from 'UP/lib/multi-line';",
      "export { COLLECTION_LIMIT } from 'UP/lib/crm/salesforce/config';",
      "export * from 'UP/lib/everything';",
      "const config = await import('UP/lib/crm/salesforce/config');",
      "const old = require('UP/lib/legacy');",
      "import 'UP/lib/side-effect';",
      "import { x } from 'AT/lib/alias';",
      "import { y } from 'TILDE/lib/alias';",
      "import { ok } from './limits';",
      "import { alsoOk } from '../salesforce/limits';",
      "import { Hono } from 'hono';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n')
      // Written with placeholders so this file's own text does not hold the imports it tests for.
      .replaceAll('UP/', '../../').replaceAll('AT/', '@/').replaceAll('TILDE/', '~/');
    expect(specifiers(source)).toHaveLength(14);
    expect(specifiers(source).filter((s) => escapes(file, s) !== null)).toEqual([
      '../../lib/crm/salesforce/config', '../../lib/crm/types', '../../lib/multi-line',
      '../../lib/crm/salesforce/config', '../../lib/everything', '@/lib/alias', '~/lib/alias',
      '../../lib/side-effect', '../../lib/crm/salesforce/config', '../../lib/legacy',
    ]);
  });
});
