import { parseArgs } from 'node:util';
import { startSalesforceEmulator } from './emulator';
import { seedDemoRecords } from './seed';

/**
 * `npm run emulator:salesforce -- [--port 8787] [--seed] [--daily-limit N] [--client-id ID]
 * [--no-shared-activities] [--newest-api-version 61.0]`
 */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    seed: { type: 'boolean', default: false },
    'daily-limit': { type: 'string' },
    'client-id': { type: 'string', default: 'sidecar-dev' },
    'no-shared-activities': { type: 'boolean', default: false },
    'newest-api-version': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) {
  console.error(`--port must be a port number, not ${values.port}`);
  process.exit(2);
}

const emulator = await startSalesforceEmulator({
  port,
  clientId: values['client-id'],
  dailyLimit: values['daily-limit'] ? Number(values['daily-limit']) : undefined,
  sharedActivities: !values['no-shared-activities'],
  newestApiVersion: values['newest-api-version'],
});
if (values.seed) seedDemoRecords(emulator);
const { accessToken } = emulator.issueToken();
const versions = emulator.apiVersions();
const range = `v${versions[0]?.version ?? '?'}–v${versions.at(-1)?.version ?? '?'}`;
console.log(`Salesforce emulator on ${emulator.url} (API ${range}, client id ${values['client-id']}, token: ${accessToken})`);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
