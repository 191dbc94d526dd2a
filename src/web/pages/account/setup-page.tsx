import { type FormEvent, useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { navigateTo } from '../../use-route.ts';
import { completeSetup, inspectSetup } from './account-api.ts';
import { tokenFromHash } from './account-routes.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';
import { TotpEnrollment } from './totp-enrollment.tsx';
import { useSubmit } from './use-submit.ts';

type State = { step: 'checking' } | { step: 'form' } | { step: 'secondFactor' } | { step: 'refused'; error: unknown };

/** First run: the link the server printed creates the first secretariat administrator, who then sets up TOTP. */
export function SetupPage() {
  const { signedIn } = useSession();
  const [token] = useState(() => tokenFromHash());
  const [state, setState] = useState<State>({ step: 'checking' });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    if (!token) {
      setState({ step: 'refused', error: undefined });
      return;
    }
    inspectSetup(token).then(
      () => setState({ step: 'form' }),
      (e: unknown) => setState({ step: 'refused', error: e }),
    );
  }, [token]);

  const submit = (event: FormEvent) =>
    run(async () => {
      if (!token) return;
      signedIn(await completeSetup(token, { email, displayName: name, password }));
      // The link is spent: drop it from the address bar and the history.
      window.history.replaceState(null, '', window.location.pathname);
      setState({ step: 'secondFactor' });
    }, event);

  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="account.setup.title" defaultMessage="Set up the platform" />
      </h1>
      {state.step === 'checking' && (
        <p role="status">
          <FormattedMessage id="account.checkingLink" defaultMessage="Checking the link…" />
        </p>
      )}
      {state.step === 'refused' &&
        (state.error === undefined ? (
          <p className="notice">
            <FormattedMessage
              id="account.setup.noLink"
              defaultMessage="Open the setup link the server printed when it first started, or run “safer admin create”."
            />
          </p>
        ) : (
          <ErrorMessage error={state.error} />
        ))}
      {state.step === 'form' && (
        <form className="account-form" onSubmit={(event) => void submit(event)}>
          <p>
            <FormattedMessage
              id="account.setup.intro"
              defaultMessage="Create the account of the first secretariat administrator. This link works once."
            />
          </p>
          <p className="field">
            <label htmlFor="setup-email">
              <FormattedMessage id="account.email" defaultMessage="E-mail address" />
            </label>
            <input id="setup-email" type="email" required autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          </p>
          <p className="field">
            <label htmlFor="setup-name">
              <FormattedMessage id="account.displayName" defaultMessage="Your name" />
            </label>
            <input id="setup-name" required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </p>
          <PasswordField
            id="setup-password"
            label={<FormattedMessage id="account.newPassword" defaultMessage="New password" />}
            value={password}
            onChange={setPassword}
            isNew
          />
          <p className="actions">
            <button type="submit" disabled={busy}>
              <FormattedMessage id="account.setup.submit" defaultMessage="Create the administrator" />
            </button>
          </p>
        </form>
      )}
      {state.step === 'secondFactor' && <TotpEnrollment onDone={() => navigateTo('/')} />}
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
