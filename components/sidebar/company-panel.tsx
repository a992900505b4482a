import { sendToBackground } from '../../lib/messaging/client';
import { fullName, type LinkedInCompany } from '../../lib/model';
import { ACCOUNT_TYPE_LABEL, BUYING_ROLE_LABEL, timeAgo } from '../format';
import { NotesPanel } from '../notes/notes-panel';
import { SalesforceLink } from '../sync/salesforce-link';
import { useSyncStatus } from '../sync/use-sync-status';
import { useSend } from '../use-send';
import { useStoreQuery } from '../use-store-query';

/** The sidebar on a LinkedIn company page: the account brief, or "Capture account". */
export function CompanyPanel({ company }: { company: LinkedInCompany }) {
  const brief = useStoreQuery(['company.view', company], () => sendToBackground('company.view', { company }));
  const capture = useSend('company.capture');
  const instanceUrl = useSyncStatus().data?.instanceUrl;
  const data = brief.data;
  return (
    <>
      <div className="person">
        <span className="name">{company.name ?? 'Company'}</span>
        <span className="muted">{[company.industry, company.size, company.headquarters].filter(Boolean).join(' · ')}</span>
      </div>
      {brief.isPending ? <p className="muted" role="status">Looking this company up…</p> : null}
      {brief.isError ? <p className="error" role="alert">Sidecar could not look this company up: {brief.error.message}</p> : null}
      {data && !data.account ? (
        <section aria-label="Capture account">
          <p className="muted">{data.candidates.length ? `${data.candidates.length} accounts share this company.` : 'Not an account in Sidecar yet.'}</p>
          <button type="button" className="primary" disabled={capture.isPending} onClick={() => capture.mutate({ company })}>Capture account</button>
          {capture.error ? <p className="error" role="alert">{capture.error.message}</p> : null}
        </section>
      ) : null}
      {data?.account ? (
        <section aria-label="Account brief">
          <div className="row">
            <strong>{data.account.name}</strong>
            <span className={`badge ${data.account.type}`}>{ACCOUNT_TYPE_LABEL[data.account.type]}</span>
          </div>
          <SalesforceLink instanceUrl={instanceUrl} id={data.account.remote.salesforce?.id} />
          <h2>People</h2>
          {data.contacts.length ? (
            <ul className="list" aria-label="People at this account">
              {data.contacts.map((c) => (
                <li key={c.id}>
                  <span>{fullName(c)}<span className="secondary-line"> {c.title}</span></span>
                  {c.buyingRole ? <span className="badge role">{BUYING_ROLE_LABEL[c.buyingRole]}</span> : null}
                </li>
              ))}
            </ul>
          ) : <p className="muted">Nobody captured here yet.</p>}
          <h2>Recent activities</h2>
          {data.activities.length ? (
            <ul className="list">{data.activities.map((a) => <li key={a.id}><span>{a.subject}</span><span className="muted">{timeAgo(a.occurredAt)}</span></li>)}</ul>
          ) : <p className="muted">No activities yet.</p>}
          <NotesPanel parent={{ accountId: data.account.id }} notes={data.notes} label="Account notes" />
        </section>
      ) : null}
    </>
  );
}
