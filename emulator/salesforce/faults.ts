import type { Org } from './org';

/**
 * Trouble on demand: latency, failed answers, dropped connections, truncated bodies, and two org
 * rules (a duplicate rule, a restricted picklist) that real orgs switch on without telling anyone.
 */

export interface FailResponse {
  status: 500 | 502 | 503 | 429;
  retryAfterSeconds?: number;
  body?: string;
  contentType?: string;
}

export interface Faults {
  latencyMs: number;
  failNext(count: number, response: FailResponse): void;
  dropNext(count: number): void;
  truncateNext(count: number): void;
  duplicateRule(sobject: string, field: string | null): void;
  restrictPicklist(sobject: string, field: string, values: string[]): void;
  reset(): void;
}

const DEFAULT_BODIES: Record<FailResponse['status'], unknown> = {
  500: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)' }],
  502: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Bad gateway' }],
  503: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server unavailable. Try again later.' }],
  429: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentPerOrgLongTxn Limit exceeded.' }],
};

export class FaultState implements Faults {
  latencyMs = 0;
  private failures: FailResponse[] = [];
  private drops = 0;
  private truncations = 0;

  constructor(private readonly org: Org) {}

  failNext(count: number, response: FailResponse): void {
    for (let i = 0; i < count; i++) this.failures.push(response);
  }

  dropNext(count: number): void {
    this.drops += count;
  }

  truncateNext(count: number): void {
    this.truncations += count;
  }

  duplicateRule(sobject: string, field: string | null): void {
    const object = this.org.schema.object(sobject);
    if (!object) throw new Error(`No sObject ${sobject}`);
    if (field === null) {
      this.org.duplicateRules.delete(object.name);
      return;
    }
    const def = this.org.schema.field(object.name, field);
    if (!def) throw new Error(`No field ${field} on ${object.name}`);
    this.org.duplicateRules.set(object.name, def.name);
  }

  restrictPicklist(sobject: string, field: string, values: string[]): void {
    const object = this.org.schema.object(sobject);
    const def = object ? this.org.schema.field(object.name, field) : undefined;
    if (!object || def?.type !== 'picklist') throw new Error(`No picklist ${sobject}.${field}`);
    this.org.restrictedPicklists.set(`${object.name}.${def.name}`, [...values]);
  }

  reset(): void {
    this.latencyMs = 0;
    this.failures = [];
    this.drops = 0;
    this.truncations = 0;
    this.org.duplicateRules.clear();
    this.org.restrictedPicklists.clear();
  }

  /** The failure this request gets instead of an answer, if one is queued. */
  takeFailure(): { status: number; headers: Record<string, string>; body: string } | null {
    const failure = this.failures.shift();
    if (!failure) return null;
    const headers: Record<string, string> = {
      'Content-Type': failure.contentType ?? (failure.body ? 'text/html;charset=UTF-8' : 'application/json;charset=UTF-8'),
    };
    if (failure.retryAfterSeconds !== undefined) headers['Retry-After'] = String(failure.retryAfterSeconds);
    return { status: failure.status, headers, body: failure.body ?? JSON.stringify(DEFAULT_BODIES[failure.status]) };
  }

  /** What happens to this request's answer after it is made: dropped, truncated, or nothing. */
  takeMangling(): 'drop' | 'truncate' | null {
    if (this.drops > 0) {
      this.drops--;
      return 'drop';
    }
    if (this.truncations > 0) {
      this.truncations--;
      return 'truncate';
    }
    return null;
  }

  pending(): { latencyMs: number; failNext: number; dropNext: number; truncateNext: number; duplicateRules: Record<string, string>; restrictedPicklists: Record<string, string[]> } {
    return {
      latencyMs: this.latencyMs, failNext: this.failures.length, dropNext: this.drops, truncateNext: this.truncations,
      duplicateRules: Object.fromEntries(this.org.duplicateRules), restrictedPicklists: Object.fromEntries(this.org.restrictedPicklists),
    };
  }
}
