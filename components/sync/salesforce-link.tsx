import type { ReactNode } from 'react';
import { salesforceUrl } from './salesforce-url';

/** "Open in Salesforce", in a new tab that cannot reach back into Sidecar; nothing when the record has no Salesforce Id. */
export function SalesforceLink({ instanceUrl, id, children }: { instanceUrl: string | null | undefined; id: string | null | undefined; children?: ReactNode }) {
  const href = salesforceUrl(instanceUrl, id);
  if (!href) return null;
  return <a className="salesforce-link" href={href} target="_blank" rel="noopener noreferrer">{children ?? 'Open in Salesforce'}</a>;
}
