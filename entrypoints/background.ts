import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/start-background';
import { installTestHooks } from '../lib/testing/test-hooks';

export default defineBackground({
  type: 'module',
  main() {
    const api = startBackground();
    // Test builds only (`wxt build --mode test`); the branch is dropped from production bundles.
    if (import.meta.env.MODE === 'test') installTestHooks(api);
  },
});
