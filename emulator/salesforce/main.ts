import { parseArgs } from 'node:util';
import { SALESFORCE_API_VERSION } from '../../lib/crm/salesforce/config';
import { startSalesforceEmulator } from './emulator';
import { seedDemoRecords } from './seed';

/** `npm run emulator:salesforce -- [--port 8787] [--seed] [--daily-limit N] [--client-id ID] [--no-shared-activities]` */

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    seed: { type: 'boolean', default: false },
    'daily-limit': { type: 'string' },
    'client-id': { type: 'string', default: 'sidecar-dev' },
    'no-shared-activities': { type: 'boolean', default: false },
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
});
if (values.seed) seedDemoRecords(emulator);
const { accessToken } = emulator.issueToken();
console.log(`Salesforce emulator on ${emulator.url} (API ${SALESFORCE_API_VERSION}, client id ${values['client-id']}, token: ${accessToken})`);

const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
