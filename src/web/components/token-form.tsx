import { type FormEvent, type ReactNode, useCallback, useState } from 'react';
import { FormattedMessage } from 'react-intl';

// Until user accounts exist, the administrator pages use the operator token the server keeps in
// its data directory; it lasts for this browser tab only, shared by every administrator page.
const tokenKey = 'safer.operatorToken';

/** The operator token kept for this tab ('' when none was given). */
export function storedToken(): string {
  try {
    return window.sessionStorage.getItem(tokenKey) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(tokenKey, token);
    else window.sessionStorage.removeItem(tokenKey);
  } catch {
    // Storage may be disabled; the token then lasts until the page is left.
  }
}

/** The token of this tab and a setter that also keeps it for the tab. */
export function useOperatorToken(): [string, (token: string) => void] {
  const [token, setTokenState] = useState(storedToken);
  const setToken = useCallback((next: string) => {
    storeToken(next);
    setTokenState(next);
  }, []);
  return [token, setToken];
}

type Props = {
  token: string;
  /** Called with the trimmed token when the form is sent. */
  onSubmit: (token: string) => void;
  submitLabel: ReactNode;
};

/** The administrator token field of the administrator pages. */
export function TokenForm({ token, onSubmit, submitLabel }: Props) {
  const [draft, setDraft] = useState(token);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft.trim());
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <label htmlFor="admin-token">
        <FormattedMessage id="jobs.token.label" defaultMessage="Administrator token" />
      </label>
      <input
        id="admin-token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-describedby="admin-token-help"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit">{submitLabel}</button>
      <p id="admin-token-help" className="help">
        <FormattedMessage
          id="jobs.token.help"
          defaultMessage="The operator token is in the file {file} in the server's data directory. It is kept for this browser tab only."
          values={{ file: <code data-i18n-exempt translate="no">operator-token</code> }}
        />
      </p>
    </form>
  );
}
