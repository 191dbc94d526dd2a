import { type FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { confirmTotp, reenrolTotp, startTotp } from './account-api.ts';
import { PasswordField } from './password-field.tsx';
import { useSession } from './session-context.tsx';
import { useSubmit } from './use-submit.ts';

type Step = { step: 'start' } | { step: 'scan'; secret: string; uri: string } | { step: 'done'; codes: string[] };

/**
 * Sets up TOTP: the secret for an authenticator app, a first code to confirm it, then the recovery codes once.
 * `replacing`: a new authenticator for someone who has one (a new phone), after their current password.
 */
export function TotpEnrollment({ onDone, replacing = false }: { onDone?: () => void; replacing?: boolean }) {
  const { refresh } = useSession();
  const [state, setState] = useState<Step>({ step: 'start' });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  const begin = () => run(async () => setState({ step: 'scan', ...(replacing ? await reenrolTotp(password) : await startTotp()) }));
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setState({ step: 'done', codes: (await confirmTotp(code)).recoveryCodes }));
  };
  // The session has now passed the second factor and its roles act: say so to the app once the codes are saved.
  const finish = () => {
    void refresh().then(() => onDone?.());
  };

  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">
        {replacing ? (
          <FormattedMessage id="account.totp.replaceTitle" defaultMessage="Replace your authenticator app" />
        ) : (
          <FormattedMessage id="account.totp.title" defaultMessage="Second factor" />
        )}
      </h2>
      {state.step === 'start' && replacing && (
        <form
          className="account-form"
          onSubmit={(event) => {
            event.preventDefault();
            void begin();
          }}
        >
          <p>
            <FormattedMessage
              id="account.totp.replaceIntro"
              defaultMessage="A new phone? Confirm with your password, then add the new key to your app. Your current codes and recovery codes work until the new one is confirmed."
            />
          </p>
          <PasswordField
            id="totp-replace-password"
            label={<FormattedMessage id="account.currentPassword" defaultMessage="Current password" />}
            value={password}
            onChange={setPassword}
          />
          <p className="actions">
            <button type="submit" disabled={busy}>
              <FormattedMessage id="account.totp.replace" defaultMessage="Replace the authenticator app" />
            </button>
          </p>
        </form>
      )}
      {state.step === 'start' && !replacing && (
        <>
          <p>
            <FormattedMessage
              id="account.totp.intro"
              defaultMessage="Your role needs a second factor: a six-digit code from an authenticator app on your phone, asked at each sign-in."
            />
          </p>
          <button type="button" onClick={() => void begin()} disabled={busy}>
            <FormattedMessage id="account.totp.start" defaultMessage="Set up the authenticator app" />
          </button>
        </>
      )}
      {state.step === 'scan' && (
        <form className="account-form" onSubmit={confirm}>
          <p>
            <FormattedMessage
              id="account.totp.scan"
              defaultMessage="In your authenticator app, add an account with this key (or open the link on your phone):"
            />
          </p>
          <p className="totp-secret" data-i18n-exempt translate="no" data-testid="totp-secret">
            {state.secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
          <p>
            <a href={state.uri}>
              <FormattedMessage id="account.totp.link" defaultMessage="Open in the authenticator app" />
            </a>
          </p>
          <p className="field">
            <label htmlFor="totp-confirm">
              <FormattedMessage id="account.totp.code" defaultMessage="Code shown by the app" />
            </label>
            <input
              id="totp-confirm"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
          </p>
          <p className="actions">
            <button type="submit" disabled={busy}>
              <FormattedMessage id="account.totp.confirm" defaultMessage="Confirm" />
            </button>
          </p>
        </form>
      )}
      {state.step === 'done' && (
        <>
          <p role="status">
            <FormattedMessage
              id="account.totp.done"
              defaultMessage="The second factor is set up. Keep these recovery codes somewhere safe: each works once, in place of a code, if you lose your phone. They are shown only now."
            />
          </p>
          <ul className="recovery-codes" data-i18n-exempt translate="no">
            {state.codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <button type="button" onClick={finish}>
            <FormattedMessage id="account.totp.saved" defaultMessage="I have saved them" />
          </button>
        </>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </section>
  );
}
