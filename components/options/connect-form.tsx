import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  connectOrigins, LoginHostError, parseLoginHost, PRODUCTION_LOGIN, SANDBOX_LOGIN,
} from '../../lib/crm/salesforce/auth/login-host';
import { browser } from '../../lib/platform/browser';
import { useConnect } from './use-salesforce';

type LoginChoice = 'production' | 'sandbox' | 'my-domain';

function initialChoice(loginUrl: string | undefined): LoginChoice {
  if (!loginUrl || loginUrl === PRODUCTION_LOGIN) return 'production';
  return loginUrl === SANDBOX_LOGIN ? 'sandbox' : 'my-domain';
}

function loginOrigin(choice: LoginChoice, myDomain: string): string | null {
  if (choice === 'production') return PRODUCTION_LOGIN;
  if (choice === 'sandbox') return SANDBOX_LOGIN;
  try {
    return parseLoginHost(myDomain);
  } catch {
    return null;
  }
}

/** `https://*.my.salesforce.com/*` → `*.my.salesforce.com`, for the sentence about permissions. */
const hostOf = (pattern: string) => pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');

/**
 * Connect (or connect again): the login host, the admin's consumer key, then Salesforce's sign-in
 * window. The host permissions are asked for in the click itself, before the background opens it.
 */
export function ConnectForm({ redirectUrl, previous, label }: {
  redirectUrl: string;
  previous?: { loginUrl: string; clientId: string };
  label: string;
}) {
  const [choice, setChoice] = useState<LoginChoice>(initialChoice(previous?.loginUrl));
  const [myDomain, setMyDomain] = useState(previous && initialChoice(previous.loginUrl) === 'my-domain' ? previous.loginUrl : '');
  const [clientId, setClientId] = useState(previous?.clientId ?? '');
  const [formError, setFormError] = useState<string | null>(null);
  const connect = useConnect();
  const origin = loginOrigin(choice, myDomain);
  const origins = origin ? connectOrigins(origin) : [];
  const granted = useQuery({
    queryKey: ['permission', ...origins],
    queryFn: () => browser.permissions.contains({ origins }),
    enabled: origins.length > 0,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    let login: string;
    try {
      login = choice === 'my-domain' ? parseLoginHost(myDomain) : (origin ?? PRODUCTION_LOGIN);
    } catch (error) {
      setFormError(error instanceof LoginHostError ? error.message : 'That login host cannot be used.');
      return;
    }
    if (!clientId.trim()) {
      setFormError('Enter the consumer key your Salesforce admin gave you.');
      return;
    }
    // Synchronously, inside the click: Firefox grants a request only while it handles the user's input.
    // Already granted (or the test build, which holds its hosts up front): no prompt at all.
    const allowed = granted.data === true ? Promise.resolve(true) : browser.permissions.request({ origins: connectOrigins(login) });
    connect.mutate({ loginHost: login, clientId: clientId.trim(), allowed }, { onSuccess: () => void granted.refetch() });
  };

  const error = formError ?? connect.error?.message ?? null;
  return (
    <form onSubmit={submit} aria-label="Connect Salesforce">
      <fieldset className="choices">
        <legend className="muted">Sign in at</legend>
        <label>
          <input type="radio" name="sf-login" checked={choice === 'production'} onChange={() => setChoice('production')} />
          {' '}Production (login.salesforce.com)
        </label>
        <label>
          <input type="radio" name="sf-login" checked={choice === 'sandbox'} onChange={() => setChoice('sandbox')} />
          {' '}Sandbox (test.salesforce.com)
        </label>
        <label>
          <input type="radio" name="sf-login" checked={choice === 'my-domain'} onChange={() => setChoice('my-domain')} />
          {' '}My Domain
        </label>
        {choice === 'my-domain' ? (
          <input type="text" aria-label="My Domain" placeholder="acme.my.salesforce.com" value={myDomain}
            onChange={(e) => setMyDomain(e.target.value)} spellCheck={false} autoComplete="off" />
        ) : null}
      </fieldset>
      <p>
        <label>
          Consumer key<br />
          <input type="text" value={clientId} onChange={(e) => setClientId(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
      </p>
      <p className="muted">
        Your admin sets up the External Client App with this callback URL: <code>{redirectUrl}</code>
      </p>
      {origins.length ? (
        <p className="muted" data-testid="sf-permission">
          {granted.data
            ? `Sidecar may already reach ${origins.map(hostOf).join(' and ')}.`
            : `Your browser will ask to let Sidecar reach ${origins.map(hostOf).join(' and ')}, and nothing else.`}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={connect.isPending}>{connect.isPending ? 'Waiting for Salesforce…' : label}</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </form>
  );
}
