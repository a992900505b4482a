import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import { useSend } from '../use-send';
import { loadConflictRows } from './centre-rows';
import { RECORD_TYPE_LABEL, fieldLabel, formatValue } from './labels';
import { SalesforceLink } from './salesforce-link';
import './sync.css';

/**
 * The conflict centre: fields changed both here and in Salesforce since the last sync. The rep
 * keeps one value; Sidecar never decides by comparing clocks. Nothing shows when there is none.
 */
export function ConflictCentre({ instanceUrl }: { instanceUrl: string | null | undefined }) {
  const data = useLiveQuery(() => loadConflictRows(getDb()), []);
  const resolve = useSend('conflict.resolve');
  if (!data || data.rows.length === 0) return null;
  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts</h2>
      <p className="muted">Changed here and in Salesforce since the last sync. Choose the value to keep.</p>
      <ul className="list" aria-label="Conflicts">
        {data.rows.map(({ item: conflict, label, remoteId }) => (
          <li key={conflict.id} className="sync-item">
            <div className="primary-line">
              {label ?? `A deleted ${RECORD_TYPE_LABEL[conflict.recordType].toLowerCase()}`} · {fieldLabel(conflict.field, conflict.recordType)}
            </div>
            <dl className="sync-values">
              <dt>Yours</dt><dd>{formatValue(conflict.local, data.names)}</dd>
              <dt>Salesforce</dt><dd>{formatValue(conflict.remote, data.names)}</dd>
            </dl>
            <div className="row">
              <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: conflict.id, keep: 'mine' })}>Keep mine</button>
              <button type="button" disabled={resolve.isPending} onClick={() => resolve.mutate({ id: conflict.id, keep: 'salesforce' })}>Use Salesforce’s</button>
              <SalesforceLink instanceUrl={instanceUrl} id={remoteId} />
            </div>
          </li>
        ))}
      </ul>
      {resolve.error ? <p className="error" role="alert">Could not settle the conflict: {resolve.error.message}</p> : null}
    </section>
  );
}
