import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { navigateTo } from '../../use-route.ts';
import { signOutEverywhere } from './account-api.ts';
import { accountPath } from './account-routes.ts';
import { adminScopes } from './admin-scopes.ts';
import { grantLabel } from './role-labels.ts';
import { useSession } from './session-context.tsx';
import { TotpEnrollment } from './totp-enrollment.tsx';

/** Who you are, your roles, your second factor, and "sign out everywhere". */
export function MyAccountPage() {
  const intl = useIntl();
  const { state, refresh } = useSession();
  const [error, setError] = useState<unknown>();

  if (state.status === 'loading') {
    return (
      <p role="status">
        <FormattedMessage id="app.loadingPage" defaultMessage="Loading the page…" />
      </p>
    );
  }
  const title = (
    <h1 tabIndex={-1}>
      <FormattedMessage id="account.title" defaultMessage="Your account" />
    </h1>
  );
  if (state.status === 'anonymous') {
    return (
      <>
        {title}
        <p className="notice">
          <AppLink href={accountPath('signIn')}>
            <FormattedMessage id="account.signInToSee" defaultMessage="Sign in to see your account." />
          </AppLink>
        </p>
      </>
    );
  }
  const { user, secondFactor } = state.session;
  const everywhere = async () => {
    setError(undefined);
    try {
      await signOutEverywhere();
      await refresh();
      navigateTo(accountPath('signIn'));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      {title}
      <p>
        <FormattedMessage
          id="account.who"
          defaultMessage="{name}, signed in with {email}."
          values={{ name: <strong data-i18n-exempt>{user.displayName}</strong>, email: <span data-i18n-exempt>{user.email}</span> }}
        />
      </p>
      <h2>
        <FormattedMessage id="account.roles" defaultMessage="Your roles" />
      </h2>
      {user.grants.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="account.noRoles" defaultMessage="No role yet: an administrator gives roles by invitation." />
        </p>
      ) : (
        <ul className="grant-list">
          {user.grants.map((g) => (
            <li key={`${g.role}/${g.scope ?? ''}`}>{grantLabel(intl, g)}</li>
          ))}
        </ul>
      )}
      {(adminScopes(state.session, 'people').length > 0 || adminScopes(state.session, 'tokens').length > 0) && (
        <ul className="admin-links">
          {adminScopes(state.session, 'people').length > 0 && (
            <li>
              <AppLink href={accountPath('people')}>
                <FormattedMessage id="account.people.link" defaultMessage="Manage people and their roles" />
              </AppLink>
            </li>
          )}
          {adminScopes(state.session, 'tokens').length > 0 && (
            <li>
              <AppLink href={accountPath('tokens')}>
                <FormattedMessage id="account.tokens.link" defaultMessage="Manage API tokens" />
              </AppLink>
            </li>
          )}
        </ul>
      )}
      {secondFactor.required && !secondFactor.enrolled && <TotpEnrollment />}
      {secondFactor.enrolled && !secondFactor.verified && (
        <p className="notice">
          <FormattedMessage
            id="account.totp.signInAgain"
            defaultMessage="This session did not pass the second factor: sign out, then sign in again with a code."
          />
        </p>
      )}
      <h2>
        <FormattedMessage id="account.sessions" defaultMessage="Sessions" />
      </h2>
      <p>
        <button type="button" onClick={() => void everywhere()}>
          <FormattedMessage id="account.signOutEverywhere" defaultMessage="Sign out everywhere" />
        </button>
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
