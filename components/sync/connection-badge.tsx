import type { SyncStatusView } from '../../lib/messaging/protocol-sync';

const BADGE: Record<SyncStatusView['connection'], { text: string; className: string; title: string }> = {
  'not-connected': { text: 'Local mode', className: 'lead', title: 'No CRM connected: everything stays in this browser' },
  unknown: { text: 'Salesforce', className: 'lead', title: 'Checking the Salesforce connection' },
  connected: { text: 'Salesforce', className: 'ok', title: 'Syncing with Salesforce' },
  'reconnect-needed': { text: 'Reconnect needed', className: 'bad', title: 'Salesforce no longer accepts Sidecar’s connection: reconnect in Settings' },
};

/** The header's one-word connection state. */
export function ConnectionBadge({ connection }: { connection: SyncStatusView['connection'] | undefined }) {
  if (!connection) return null;
  const badge = BADGE[connection];
  return <span className={`badge ${badge.className}`} title={badge.title}>{badge.text}</span>;
}
