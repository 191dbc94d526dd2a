import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setSessionCsrfToken } from '../../api/session-csrf.ts';
import { signOut as callSignOut, getSession, type Session } from './account-api.ts';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signedIn'; session: Session };

type SessionContext = {
  state: SessionState;
  /** After a sign-in, a setup or an accepted invitation: the new session. */
  signedIn: (session: Session) => void;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
};

const Context = createContext<SessionContext | undefined>(undefined);

export function useSession(): SessionContext {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Whether the session acts as a secretariat administrator now (the role, with its second factor passed). */
export function isSecretariat(state: SessionState): boolean {
  return (
    state.status === 'signedIn' &&
    state.session.secondFactor.verified &&
    state.session.user.grants.some((g) => g.role === 'platform:secretariat')
  );
}

/** Holds who is signed in (GET /api/v1/auth/session once, then what sign-in and sign-out say). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const apply = useCallback((session: Session | undefined) => {
    setSessionCsrfToken(session?.csrfToken);
    setState(session ? { status: 'signedIn', session } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await getSession());
    } catch {
      apply(undefined);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await callSignOut();
    } finally {
      apply(undefined);
    }
  }, [apply]);

  const value = useMemo(() => ({ state, signedIn: apply, refresh, signOut }), [state, apply, refresh, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
