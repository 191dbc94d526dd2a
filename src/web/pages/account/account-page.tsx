import './account.css';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import type { AccountView } from './account-routes.ts';
import { InvitationPage } from './invitation-page.tsx';
import { MyAccountPage } from './my-account-page.tsx';
import { PasswordResetPage } from './password-reset-page.tsx';
import { PeoplePage } from './people-page.tsx';
import { SetupPage } from './setup-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { TokensPage } from './tokens-page.tsx';

const titles = {
  signIn: { id: 'account.signIn.title', defaultMessage: 'Sign in' },
  setup: { id: 'account.setup.title', defaultMessage: 'Set up the platform' },
  invitation: { id: 'account.invitation.title', defaultMessage: 'Accept the invitation' },
  passwordReset: { id: 'account.reset.title', defaultMessage: 'Reset your password' },
  account: { id: 'account.title', defaultMessage: 'Your account' },
  people: { id: 'account.people.title', defaultMessage: 'People and roles' },
  tokens: { id: 'account.tokens.title', defaultMessage: 'API tokens' },
} as const;

/** The account pages, each with its title. */
export function AccountPage({ view }: { view: AccountView }) {
  const intl = useIntl();
  const title = intl.formatMessage(titles[view.page]);
  useEffect(() => {
    const app = intl.formatMessage({ id: 'app.name', defaultMessage: 'Safer Cities Platform' });
    document.title = intl.formatMessage({ id: 'app.documentTitle', defaultMessage: '{page} – {app}' }, { page: title, app });
  }, [intl, title]);

  switch (view.page) {
    case 'signIn':
      return <SignInPage />;
    case 'setup':
      return <SetupPage />;
    case 'invitation':
      return <InvitationPage />;
    case 'passwordReset':
      return <PasswordResetPage />;
    case 'account':
      return <MyAccountPage />;
    case 'people':
      return <PeoplePage />;
    case 'tokens':
      return <TokensPage />;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown account page ${String(unreachable)}`);
    }
  }
}
