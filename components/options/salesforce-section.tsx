import type { SalesforceStatus } from '../../lib/messaging/protocol-salesforce';
import { ConnectForm } from './connect-form';
import { SyncSettingsForm } from './sync-settings-form';
import { useDisconnect, useSalesforceStatus } from './use-salesforce';

type Connected = Extract<SalesforceStatus, { state: 'connected' | 'reconnect' }>;

/** Settings → Salesforce: connect, who is connected, disconnect, and the sync settings. */
export function SalesforceSection() {
  const status = useSalesforceStatus();
  const data = status.data;
  return (
    <section className="card" aria-labelledby="salesforce-heading">
      <h2 id="salesforce-heading">Salesforce</h2>
      {status.error ? <p className="error" role="alert">{status.error.message}</p> : null}
      {!data ? (
        status.isLoading ? <p className="muted">Checking the connection…</p> : null
      ) : data.state === 'disconnected' ? (
        <>
          <p>Connect your org to sync accounts, contacts, leads and activities. Your admin gives you the consumer key.</p>
          <ConnectForm redirectUrl={data.redirectUrl} label="Connect Salesforce" />
        </>
      ) : (
        <ConnectionSummary status={data} />
      )}
      {data ? <SyncSettingsForm connected={data.state === 'connected'} /> : null}
    </section>
  );
}

function ConnectionSummary({ status }: { status: Connected }) {
  const disconnect = useDisconnect();
  const user = status.displayName ?? status.username ?? status.userId;
  return (
    <>
      {status.state === 'reconnect' ? (
        <div className="banner" role="alert">
          Salesforce no longer accepts Sidecar’s session{status.reason ? ` (${status.reason})` : ''}. Your records are safe
          in this browser; connect again to resume syncing.
        </div>
      ) : (
        <p><span className="badge customer">Connected</span></p>
      )}
      <dl className="stats" aria-label="Salesforce connection">
        <div>
          <dt>User</dt>
          <dd data-testid="sf-user">{user}</dd>
          {status.username && status.username !== user ? <dd className="muted">{status.username}</dd> : null}
        </div>
        <div>
          <dt>Org</dt>
          <dd data-testid="sf-org">{status.orgId}</dd>
          <dd className="muted">{new URL(status.instanceUrl).host}</dd>
        </div>
      </dl>
      {status.state === 'reconnect' ? (
        <ConnectForm redirectUrl={status.redirectUrl} previous={status} label="Connect again" />
      ) : null}
      <div className="row" style={{ marginTop: 8 }}>
        <button type="button" className="danger" disabled={disconnect.isPending} onClick={() => disconnect.mutate()}>
          Disconnect
        </button>
        <span className="muted">Sidecar revokes its access at Salesforce. Your local records stay.</span>
      </div>
      {disconnect.error ? <p className="error" role="alert">{disconnect.error.message}</p> : null}
    </>
  );
}
