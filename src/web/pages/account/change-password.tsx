import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { changePassword } from './account-api.ts';
import { PasswordField } from './password-field.tsx';
import { useSubmit } from './use-submit.ts';

/** Changes the password after the current one; the person's other sessions end. */
export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">
        <FormattedMessage id="account.changePassword.title" defaultMessage="Change your password" />
      </h2>
      <form
        className="account-form"
        onSubmit={(event) =>
          void run(async () => {
            setDone(false);
            await changePassword(current, next);
            setCurrent('');
            setNext('');
            setDone(true);
          }, event)
        }
      >
        <PasswordField
          id="password-current"
          label={<FormattedMessage id="account.currentPassword" defaultMessage="Current password" />}
          value={current}
          onChange={setCurrent}
        />
        <PasswordField
          id="password-new"
          label={<FormattedMessage id="account.newPassword" defaultMessage="New password" />}
          value={next}
          onChange={setNext}
          isNew
        />
        <p className="actions">
          <button type="submit" disabled={busy}>
            <FormattedMessage id="account.changePassword.submit" defaultMessage="Change the password" />
          </button>
        </p>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {done && (
        <p role="status" className="notice">
          <FormattedMessage id="account.changePassword.done" defaultMessage="Your password is changed. Your other sessions have ended." />
        </p>
      )}
    </section>
  );
}
