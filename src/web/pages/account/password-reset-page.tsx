import { type FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useLocale } from '../../i18n/locale-provider.tsx';
import { completePasswordReset, requestPasswordReset } from './account-api.ts';
import { accountPath, tokenFromHash } from './account-routes.ts';
import { PasswordField } from './password-field.tsx';
import { useSubmit } from './use-submit.ts';

/** Without a token: ask for a reset link by mail. With one (from the mail): choose the new password. */
export function PasswordResetPage() {
  const { locale } = useLocale();
  const [token] = useState(() => tokenFromHash());
  const [value, setValue] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = (event: FormEvent) =>
    run(async () => {
      if (token) {
        await completePasswordReset(token, value);
        window.history.replaceState(null, '', window.location.pathname);
      } else {
        await requestPasswordReset(value, ['ar', 'en', 'es', 'fr', 'ru', 'zh'].includes(locale) ? locale : 'en');
      }
      setDone(true);
    }, event);

  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="account.reset.title" defaultMessage="Reset your password" />
      </h1>
      {done ? (
        <p role="status">
          {token ? (
            <FormattedMessage
              id="account.reset.changed"
              defaultMessage="Your password was changed and every session of your account ended. {link}."
              values={{
                link: (
                  <AppLink href={accountPath('signIn')}>
                    <FormattedMessage id="account.reset.signIn" defaultMessage="Sign in" />
                  </AppLink>
                ),
              }}
            />
          ) : (
            <FormattedMessage
              id="account.reset.sent"
              defaultMessage="If an account has this address, a link to choose a new password is on its way. It works once, for one hour."
            />
          )}
        </p>
      ) : (
        <form className="account-form" onSubmit={(event) => void submit(event)}>
          {token ? (
            <PasswordField
              id="reset-password"
              label={<FormattedMessage id="account.newPassword" defaultMessage="New password" />}
              value={value}
              onChange={setValue}
              isNew
            />
          ) : (
            <p className="field">
              <label htmlFor="reset-email">
                <FormattedMessage id="account.email" defaultMessage="E-mail address" />
              </label>
              <input id="reset-email" type="email" required autoComplete="username" value={value} onChange={(e) => setValue(e.target.value)} />
            </p>
          )}
          <p className="actions">
            <button type="submit" disabled={busy}>
              {token ? (
                <FormattedMessage id="account.reset.save" defaultMessage="Save the new password" />
              ) : (
                <FormattedMessage id="account.reset.send" defaultMessage="Send the link" />
              )}
            </button>
          </p>
        </form>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
