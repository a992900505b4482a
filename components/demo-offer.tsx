import { onboarding } from '../lib/settings/items';
import { useSend } from './use-send';
import { useStoredValue } from './use-stored-value';

/**
 * First run: an empty store and no answer yet. Offer the demo territory, so a new rep can see what
 * Sidecar does without a CRM or any data of their own. `accounts` is undefined while still counting.
 */
export function DemoOffer({ accounts }: { accounts: number | undefined }) {
  const answer = useStoredValue(onboarding);
  const load = useSend('demo.load');
  if (accounts === undefined || answer === undefined || accounts > 0 || answer.demoAnswered) return null;
  return (
    <section className="state" aria-labelledby="demo-offer-title">
      <h3 id="demo-offer-title">Welcome to Sidecar</h3>
      <p>Sidecar keeps your accounts, contacts and notes in this browser, and works without a CRM.</p>
      <p className="muted">Try it with a small demo territory: four Nordic accounts (one channel partner), seven people, three open deals.</p>
      <div className="row">
        <button type="button" className="primary" disabled={load.isPending} onClick={() => load.mutate({})}>
          {load.isPending ? 'Loading…' : 'Load demo territory'}
        </button>
        <button type="button" onClick={() => void onboarding.setValue({ demoAnswered: true })}>Start empty</button>
      </div>
      {load.error ? <p className="error" role="alert">Could not load the demo: {load.error.message}</p> : null}
    </section>
  );
}
