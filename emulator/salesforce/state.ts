import type { FaultState } from './faults';
import type { Org } from './org';
import type { TokenStore } from './tokens';

/** Everything the routes share: the org's data, its sessions, its faults and its books. */

export interface RequestLogEntry {
  method: string;
  path: string;
  pattern: string;
  status: number;
}

/** A query's rows, kept so `nextRecordsUrl` pages through a stable result like Salesforce's cursor. */
export interface Cursor {
  resource: 'query' | 'queryAll';
  records: Array<Record<string, unknown>>;
  batchSize: number;
  /** When the query ran, epoch ms: the cursor lives LIMITS.queryCursorLifetimeMs from then. */
  openedAt: number;
}

export interface EmulatorState {
  org: Org;
  tokens: TokenStore;
  faults: FaultState;
  usage: { used: number; max: number };
  requests: RequestLogEntry[];
  clientId: string;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  url: string;
  cursors: Map<string, Cursor>;
  /** The newest API version this org serves (it serves every one from LIMITS.oldestApiVersion up). */
  newestVersion: number;
}
