import { FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { navigateTo } from '../../use-route.ts';
import { accountPath } from './account-routes.ts';
import { useSession } from './session-context.tsx';

/** The header's part that says who is signed in, with "Sign out"; or a "Sign in" link. */
export function SessionMenu() {
  const intl = useIntl();
  const { state, signOut } = useSession();
  if (state.status === 'loading') return null;
  const label = intl.formatMessage({ id: 'account.menu.label', defaultMessage: 'Your account' });
  if (state.status === 'anonymous') {
    return (
      <nav className="session-menu" aria-label={label}>
        <AppLink href={accountPath('signIn')}>
          <FormattedMessage id="account.menu.signIn" defaultMessage="Sign in" />
        </AppLink>
      </nav>
    );
  }
  const leave = async () => {
    await signOut().catch(() => {});
    navigateTo('/');
  };
  return (
    <nav className="session-menu" aria-label={label}>
      <AppLink href={accountPath('account')} className="who">
        <FormattedMessage
          id="account.menu.signedInAs"
          defaultMessage="Signed in as {name}"
          values={{ name: <span data-i18n-exempt>{state.session.user.displayName}</span> }}
        />
      </AppLink>
      <button type="button" onClick={() => void leave()}>
        <FormattedMessage id="account.menu.signOut" defaultMessage="Sign out" />
      </button>
    </nav>
  );
}
