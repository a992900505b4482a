import type { SyncStatusView } from '../../lib/messaging/protocol-sync';
import { timeAgo } from '../format';
import { useSyncNow } from './use-sync-status';
import './sync.css';

/** The sidebar's one line: connection, waiting changes, last sync, errors, and "Sync now". */
export function SyncStatusLine({ status }: { status: SyncStatusView | undefined }) {
  const syncNow = useSyncNow();
  if (!status) return null;
  const busy = status.running || syncNow.isPending;
  const parts = [
    status.connection === 'not-connected' ? 'Local mode' : null,
    status.connection === 'reconnect-needed' ? 'Reconnect Salesforce in Settings' : null,
    status.connection === 'connected' || status.connection === 'unknown'
      ? (busy ? 'Syncing…' : status.lastSuccessAt === null ? 'Not synced yet' : `Synced ${timeAgo(status.lastSuccessAt)}`)
      : null,
    `${status.pending} waiting`,
    status.issues + status.conflicts > 0 ? `${status.issues + status.conflicts} to review` : null,
  ].filter(Boolean);
  return (
    <div className="sync-line" role="status" aria-label="Sync status">
      <span>{parts.join(' · ')}</span>
      {status.connection !== 'not-connected' ? (
        <button type="button" disabled={busy} onClick={syncNow.run}>Sync now</button>
      ) : null}
      {status.lastError && status.connection !== 'reconnect-needed' ? (
        <span className="error">Last error: {status.lastError.message}</span>
      ) : null}
    </div>
  );
}
