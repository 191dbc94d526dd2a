import { FormattedMessage } from 'react-intl';

type Props = { id: string; label: React.ReactNode; value: string; onChange: (value: string) => void; isNew?: boolean };

/** A password input; a new password says what the platform accepts. */
export function PasswordField({ id, label, value, onChange, isNew = false }: Props) {
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        required
        minLength={isNew ? 12 : undefined}
        autoComplete={isNew ? 'new-password' : 'current-password'}
        aria-describedby={isNew ? `${id}-help` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {isNew && (
        <span id={`${id}-help`} className="help">
          <FormattedMessage
            id="account.password.rules"
            defaultMessage="At least 12 characters. Common passwords are refused; a few unrelated words make a good one."
          />
        </span>
      )}
    </p>
  );
}
