import type { PageContext } from '../lib/model';

const HINT: Record<PageContext['site'], string> = {
  linkedin: 'Open a person’s profile or a company page, and Sidecar shows who they are in your CRM.',
  gmail: 'Open an email thread, and Sidecar shows the people on it and what is already logged.',
  website: 'Sidecar shows the account when this website belongs to one of yours.',
};

const REASON: Record<string, { title: string; text: string }> = {
  'auth-wall': { title: 'LinkedIn asks you to sign in', text: 'Sign in to LinkedIn and open the profile again to capture it.' },
  'not-found': { title: 'LinkedIn shows no profile here', text: 'This profile does not exist or is not public.' },
  'not-loaded': { title: 'This page did not finish loading', text: 'Reload the page, and Sidecar reads it again.' },
  'parse-error': { title: 'Can’t read this page', text: 'Sidecar could not understand this page. Your data is safe; reload to try again.' },
};

/** The sidebar's honest answer when it has nothing to show for this page. */
export function NothingRecognised({ context }: { context: PageContext & { kind: 'unknown' } }) {
  if (context.reason === 'sales-navigator') {
    return (
      <section className="state" role="status" aria-labelledby="page-state-title">
        <h3 id="page-state-title">Open the LinkedIn profile to capture</h3>
        <p>Sidecar captures people from their LinkedIn profile, not from Sales Navigator.</p>
        {context.profileUrl ? <a href={context.profileUrl} target="_top">Open the LinkedIn profile</a> : null}
      </section>
    );
  }
  const known = REASON[context.reason];
  return (
    <section className="state" role="status" aria-labelledby="page-state-title">
      <h3 id="page-state-title">{known?.title ?? 'Nothing recognised on this page yet'}</h3>
      <p>{known?.text ?? HINT[context.site]}</p>
    </section>
  );
}

export function CannotReadPage({ reason }: { reason: string }) {
  return (
    <section className="state" role="alert" aria-labelledby="page-error-title">
      <h3 id="page-error-title">Can’t read this page</h3>
      <p>Sidecar could not understand this page ({reason}). Your data is safe; reload the page to try again.</p>
    </section>
  );
}
