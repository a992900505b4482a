import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/harness/launch';
import { AREAS } from './areas';
import { waitForHooks } from './hooks';
import { renderTable } from './table';
import type { BenchContext, BenchRow } from './types';

/**
 * `npm run bench [-- --only <prefix>] [--strict] [--out <file>]`: builds the test
 * extension (package.json), runs every registered area in one Chromium, prints a table and writes
 * bench/results.json. See bench/README.md.
 */
interface Options {
  only: string[];
  strict: boolean;
  out: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { only: [], strict: false, out: resolve('bench/results.json') };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[(i += 1)];
      if (!next) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--only') options.only.push(...value().split(','));
    else if (arg.startsWith('--only=')) options.only.push(...arg.slice('--only='.length).split(','));
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--out') options.out = resolve(value());
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** `--only` replaces just the rows it ran; the other areas' last figures stay in the file. */
function mergeRows(path: string, fresh: readonly BenchRow[]): BenchRow[] {
  let previous: BenchRow[] = [];
  try {
    previous = JSON.parse(readFileSync(path, 'utf8')) as BenchRow[];
  } catch {
    // No earlier results (or unreadable): write just this run's rows.
  }
  const ids = new Set(fresh.map((r) => r.id));
  const order = AREAS.flatMap((a) => a.ids);
  return [...previous.filter((r) => !ids.has(r.id) && order.includes(r.id)), ...fresh].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

async function main(): Promise<void> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const want = (id: string) => options.only.length === 0 || options.only.some((prefix) => id.startsWith(prefix));
  const areas = AREAS.filter((area) => area.ids.some(want));
  if (areas.length === 0) {
    throw new Error(`--only ${options.only.join(',')} matches no row. Rows: ${AREAS.flatMap((a) => a.ids).join(', ')}`);
  }
  const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  let extension = await launchWithExtension({ build: 'test' });
  const rows: BenchRow[] = [];
  try {
    await waitForHooks(extension.serviceWorker);
    const ctx: BenchContext = {
      worker: extension.serviceWorker,
      context: extension.context,
      want,
      log,
      async freshBrowser() {
        await extension.close();
        extension = await launchWithExtension({ build: 'test' });
        await waitForHooks(extension.serviceWorker);
        ctx.worker = extension.serviceWorker;
        ctx.context = extension.context;
        return ctx.worker;
      },
    };
    for (const area of areas) {
      log(`area ${area.prefix}`);
      rows.push(...(await area.run(ctx)));
    }
  } finally {
    await extension.close();
  }
  console.log(`\n${renderTable(rows)}\n`);
  writeFileSync(options.out, `${JSON.stringify(mergeRows(options.out, rows), null, 2)}\n`);
  const failed = rows.filter((r) => !r.pass);
  log(`${rows.length} rows, ${failed.length} below target; wrote ${options.out}`);
  if (options.strict && failed.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
