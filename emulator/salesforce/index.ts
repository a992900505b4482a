/** The Salesforce emulator's public surface, for vitest and Playwright. */
export { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from './emulator';
export type { FailResponse, Faults } from './faults';
export type { RequestLogEntry } from './state';
export type { NewField } from './schema-changes';
export type { VersionEntry } from './api-version';
export { LIMITS } from './limits';
export { seedDemoRecords } from './seed';
