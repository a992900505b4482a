import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db/database';
import type { SyncIssue } from '../../lib/model';
import { useSend } from '../use-send';
import { loadIssueRows } from './centre-rows';
import { ISSUE_TITLE, RECORD_TYPE_LABEL, fieldLabel } from './labels';
import { SalesforceLink } from './salesforce-link';
import './sync.css';

/**
 * The error centre: records sync could not settle by itself (refused, several matches, a duplicate
 * rule, deleted in Salesforce after an edit here), each with what the rep can do about it.
 */
export function ErrorCentre({ instanceUrl }: { instanceUrl: string | null | undefined }) {
  const rows = useLiveQuery(() => loadIssueRows(getDb()), []);
  const retry = useSend('issue.retry');
  const link = useSend('issue.link');
  const createNew = useSend('issue.create-new');
  const discard = useSend('issue.discard');
  if (!rows || rows.length === 0) return null;
  const pending = retry.isPending || link.isPending || createNew.isPending || discard.isPending;
  const failure = retry.error ?? link.error ?? createNew.error ?? discard.error;
  const actions = (issue: SyncIssue) => {
    const id = issue.id;
    if (issue.kind === 'deleted-remotely') {
      return (
        <>
          <button type="button" disabled={pending} onClick={() => createNew.mutate({ id })}>Push again as new</button>
          <button type="button" className="danger" disabled={pending} onClick={() => discard.mutate({ id })}>Delete here</button>
        </>
      );
    }
    return (
      <>
        <button type="button" disabled={pending} onClick={() => retry.mutate({ id })}>Retry</button>
        {issue.kind === 'ambiguous-match' ? (
          <button type="button" disabled={pending} onClick={() => createNew.mutate({ id })}>Create new anyway</button>
        ) : null}
      </>
    );
  };
  return (
    <section aria-labelledby="sync-errors-heading">
      <h2 id="sync-errors-heading">Sync errors</h2>
      <ul className="list" aria-label="Sync errors">
        {rows.map(({ item: issue, label, remoteId }) => (
          <li key={issue.id} className="sync-item">
            <div className="primary-line">
              {label ?? `A deleted ${RECORD_TYPE_LABEL[issue.recordType].toLowerCase()}`} · {ISSUE_TITLE[issue.kind]}
            </div>
            <div className="secondary-line">{issue.message}</div>
            {issue.fields.length ? (
              <div className="secondary-line">Fields: {issue.fields.map((f) => fieldLabel(f, issue.recordType)).join(', ')}</div>
            ) : null}
            {issue.candidates.length > 0 && (issue.kind === 'ambiguous-match' || issue.kind === 'duplicate') ? (
              <ul className="sync-candidates" aria-label="Salesforce records it may be">
                {issue.candidates.map((candidate) => (
                  <li key={candidate.id}>
                    <span>{candidate.label}</span>
                    <button type="button" disabled={pending} onClick={() => link.mutate({ id: issue.id, candidateId: candidate.id })}>Link to existing</button>
                    <SalesforceLink instanceUrl={instanceUrl} id={candidate.id} />
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="row">
              {actions(issue)}
              <SalesforceLink instanceUrl={instanceUrl} id={remoteId} />
            </div>
          </li>
        ))}
      </ul>
      {failure ? <p className="error" role="alert">That did not work: {failure.message}</p> : null}
    </section>
  );
}
