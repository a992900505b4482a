/** The Salesforce emulator's public surface, for vitest and Playwright. */
export { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from './emulator';
export type { FailResponse, Faults } from './faults';
export type { RequestLogEntry } from './state';
export { seedDemoRecords } from './seed';
