import type { Hono } from 'hono';
import { DATA_ROUTE, servedVersions } from './api-version';
import { json } from './http';
import type { EmulatorState } from './state';

/**
 * The versions list (`/services/data`, no session needed and not counted: LIMITS.versionsListCounts),
 * the resources of one version, and the Limits resource.
 */

const RESOURCES = ['sobjects', 'query', 'queryAll', 'composite', 'limits'];

export function registerService(app: Hono, state: EmulatorState): void {
  const versions = servedVersions(state.newestVersion);
  app.get('/services/data', (c) => json(c, 200, versions));
  app.get('/services/data/', (c) => json(c, 200, versions));

  const resources = () => {
    const data = state.org.dataPath();
    return Object.fromEntries(RESOURCES.map((r) => [r, `${data}/${r}`]));
  };
  app.get(DATA_ROUTE, (c) => json(c, 200, resources()));
  app.get(`${DATA_ROUTE}/`, (c) => json(c, 200, resources()));
  app.get(`${DATA_ROUTE}/limits`, (c) => json(c, 200, {
    DailyApiRequests: { Max: state.usage.max, Remaining: Math.max(0, state.usage.max - state.usage.used) },
  }));
}
