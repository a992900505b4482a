import { defineConfig } from 'wxt';
import { buildManifest } from './lib/platform/manifest';

/** Test-build-only entrypoints: bench.html times the site parsers for `npm run bench` (bench/linkedin.ts). */
const TEST_ONLY_ENTRYPOINTS = new Set(['bench']);

// WXT builds Chrome MV3 and Firefox MV3 from the same entrypoints.
// `--mode test` builds the test build into .output/<browser>-mv3-test; it differs from production
// only by the allow-listed diff in lib/platform/manifest.ts (checked by manifest.test.ts) and by the
// unlisted TEST_ONLY_ENTRYPOINTS pages, which are not in the manifest.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser, mode }) => buildManifest({ browser, mode }),
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'test') return;
      // In place: WXT builds the array it passed in.
      for (let i = entrypoints.length - 1; i >= 0; i -= 1) {
        if (TEST_ONLY_ENTRYPOINTS.has(entrypoints[i]!.name)) entrypoints.splice(i, 1);
      }
    },
  },
});
