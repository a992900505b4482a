import type { PageContext } from '../lib/model';

const HINT: Record<PageContext['site'], string> = {
  linkedin: 'Open a person’s profile or a company page, and Sidecar shows who they are in your CRM.',
  gmail: 'Open an email thread, and Sidecar shows the people on it and what is already logged.',
  website: 'Sidecar shows the account when this website belongs to one of yours.',
};

/** The sidebar's honest answer when it has nothing to show for this page. */
export function NothingRecognised({ context }: { context: PageContext }) {
  return (
    <section className="state" role="status" aria-labelledby="page-state-title">
      <h3 id="page-state-title">Nothing recognised on this page yet</h3>
      <p>{HINT[context.site]}</p>
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
