// Who may manage cities here: a secretariat administrator signed in (with the second factor), or the
// operator with the token given on an administrator page (kept for this browser tab).
import { useOperatorToken } from '../../components/token-form.tsx';
import { isSecretariat, useSession } from '../account/session-context.tsx';

export type Manager = {
  /** Whether the reader may create cities and name unit levels. */
  canManage: boolean;
  /** The operator token to send ('' when the session cookie authenticates instead). */
  token: string;
  setToken: (token: string) => void;
  /** Whether a secretariat administrator is signed in. */
  secretariat: boolean;
};

export function useManager(): Manager {
  const { state } = useSession();
  const [token, setToken] = useOperatorToken();
  const secretariat = isSecretariat(state);
  return { canManage: secretariat || token !== '', token, setToken, secretariat };
}
