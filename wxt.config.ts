import { defineConfig } from 'wxt';
import { buildManifest } from './lib/platform/manifest';

// WXT builds Chrome MV3 and Firefox MV3 from the same entrypoints.
// `--mode test` builds the test build into .output/<browser>-mv3-test; it differs from production
// only by the allow-listed diff in lib/platform/manifest.ts (checked by manifest.test.ts).
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser, mode }) => buildManifest({ browser, mode }),
});
