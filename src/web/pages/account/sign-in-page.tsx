import { type FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError } from '../../api/client.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { navigateTo } from '../../use-route.ts';
import { signIn } from './account-api.ts';
import { accountPath } from './account-routes.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';
import { useSubmit } from './use-submit.ts';

/** Sign-in: e-mail and password, then the TOTP (or recovery) code when the server asks for it. */
export function SignInPage() {
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = (event: FormEvent) =>
    run(async () => {
      try {
        const session = await signIn(email, password, askTotp ? totp : undefined);
        signedIn(session);
        const enrol = session.secondFactor.required && !session.secondFactor.enrolled;
        navigateTo(enrol ? accountPath('account') : '/');
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'auth.totp_required')) throw e;
        // Asking for the code is the next step, not a failure: focus the new field.
        setAskTotp(true);
        window.setTimeout(() => document.getElementById('sign-in-totp')?.focus(), 0);
      }
    }, event);

  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="account.signIn.title" defaultMessage="Sign in" />
      </h1>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <p className="field">
          <label htmlFor="sign-in-email">
            <FormattedMessage id="account.email" defaultMessage="E-mail address" />
          </label>
          <input
            id="sign-in-email"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </p>
        <PasswordField
          id="sign-in-password"
          label={<FormattedMessage id="account.password" defaultMessage="Password" />}
          value={password}
          onChange={setPassword}
        />
        {askTotp && (
          <p className="field">
            <label htmlFor="sign-in-totp">
              <FormattedMessage id="account.signIn.totp" defaultMessage="Code from your authenticator app, or a recovery code" />
            </label>
            <input
              id="sign-in-totp"
              required
              autoComplete="one-time-code"
              value={totp}
              onChange={(event) => setTotp(event.target.value)}
            />
          </p>
        )}
        <p className="actions">
          <button type="submit" disabled={busy}>
            <FormattedMessage id="account.signIn.submit" defaultMessage="Sign in" />
          </button>
          <AppLink href={accountPath('passwordReset')}>
            <FormattedMessage id="account.signIn.forgot" defaultMessage="Forgot your password?" />
          </AppLink>
        </p>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
