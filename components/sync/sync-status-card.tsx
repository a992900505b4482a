import { browser } from '../../lib/platform/browser';
import type { SyncStatusView } from '../../lib/messaging/protocol-sync';
import { timeAgo } from '../format';
import { useSyncNow } from './use-sync-status';
import './sync.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "in 8 seconds", "in 2 hours": a backoff is often shorter than a minute, where timeAgo says "just now". */
function inTime(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  if (seconds <= 1) return 'now';
  return seconds < 60 ? `in ${plural(seconds, 'second', 'seconds')}` : timeAgo(at, now);
}

/** The side panel's sync status: connection, what is waiting, the last sync and the last error, "Sync now". */
export function SyncStatusCard({ status }: { status: SyncStatusView | undefined }) {
  const syncNow = useSyncNow();
  if (!status) return null;
  const canSync = status.connection !== 'not-connected';
  const busy = status.running || syncNow.isPending;
  return (
    <section className="card sync-card" aria-label="Sync">
      <div className="row">
        <strong>Salesforce sync</strong>
        <span className="grow" />
        {canSync ? (
          <button type="button" disabled={busy} onClick={syncNow.run}>{busy ? 'Syncing…' : 'Sync now'}</button>
        ) : null}
      </div>
      {status.connection === 'not-connected' ? (
        <p>
          Not connected: everything stays in this browser.{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>Connect Salesforce in Settings</button>
        </p>
      ) : null}
      {status.connection === 'reconnect-needed' ? (
        <p className="error" role="alert">
          Salesforce no longer accepts Sidecar’s connection. Your records are safe here.{' '}
          <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>Reconnect in Settings</button>
        </p>
      ) : null}
      <dl className="stats">
        <div><dt>Waiting</dt><dd>{status.pending}</dd></div>
        <div><dt>Last sync</dt><dd>{status.lastSuccessAt === null ? 'Never' : timeAgo(status.lastSuccessAt)}</dd></div>
        <div><dt>Errors</dt><dd>{status.issues}</dd></div>
        <div><dt>Conflicts</dt><dd>{status.conflicts}</dd></div>
      </dl>
      {status.connection === 'not-connected' && status.pending > 0 ? (
        <p className="muted">{plural(status.pending, 'change syncs', 'changes sync')} once you connect Salesforce.</p>
      ) : null}
      {status.lastError && status.connection !== 'reconnect-needed' ? (
        <p className="error" role="alert">
          Last error: {status.lastError.message} ({timeAgo(status.lastError.at)}).
          {status.nextRunAt !== null ? ` Next try ${inTime(status.nextRunAt)}.` : ''}
        </p>
      ) : null}
      {syncNow.error ? <p className="error" role="alert">Sync now failed: {syncNow.error.message}</p> : null}
    </section>
  );
}
