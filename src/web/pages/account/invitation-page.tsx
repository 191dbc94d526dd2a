import { type FormEvent, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { navigateTo } from '../../use-route.ts';
import { acceptInvitation, type InvitationView, inspectInvitation } from './account-api.ts';
import { accountPath, tokenFromHash } from './account-routes.ts';
import { PasswordField } from './password-field.tsx';
import { grantLabel } from './role-labels.ts';
import { useSession } from './session-context.tsx';
import { TotpEnrollment } from './totp-enrollment.tsx';
import { useSubmit } from './use-submit.ts';

type State =
  | { step: 'checking' }
  | { step: 'open'; invitation: InvitationView }
  | { step: 'secondFactor' }
  | { step: 'added' }
  | { step: 'refused'; error: unknown };

/** Accepting an invitation: choose a name and password (or, with an account already, add the roles to it). */
export function InvitationPage() {
  const intl = useIntl();
  const { state: session, signedIn, refresh } = useSession();
  const [token] = useState(() => tokenFromHash());
  const [state, setState] = useState<State>({ step: 'checking' });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    if (!token) return setState({ step: 'refused', error: undefined });
    inspectInvitation(token).then(
      (invitation) => {
        setName(invitation.displayName ?? '');
        setState({ step: 'open', invitation });
      },
      (e: unknown) => setState({ step: 'refused', error: e }),
    );
  }, [token]);

  const accept = (event: FormEvent) =>
    run(async () => {
      if (!token || state.step !== 'open') return;
      const outcome = await acceptInvitation(token, state.invitation.accountExists ? {} : { displayName: name, password });
      window.history.replaceState(null, '', window.location.pathname);
      if ('added' in outcome) {
        await refresh();
        setState({ step: 'added' });
      } else {
        signedIn(outcome);
        if (outcome.secondFactor.required) setState({ step: 'secondFactor' });
        else navigateTo('/');
      }
    }, event);

  const signedInAs = session.status === 'signedIn' ? session.session.user.email : undefined;
  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="account.invitation.title" defaultMessage="Accept the invitation" />
      </h1>
      {state.step === 'checking' && (
        <p role="status">
          <FormattedMessage id="account.checkingLink" defaultMessage="Checking the link…" />
        </p>
      )}
      {state.step === 'refused' &&
        (state.error === undefined ? (
          <p className="notice">
            <FormattedMessage id="account.invitation.noLink" defaultMessage="Open the link from your invitation e-mail." />
          </p>
        ) : (
          <ErrorMessage error={state.error} />
        ))}
      {state.step === 'open' && (
        <form className="account-form" onSubmit={(event) => void accept(event)}>
          <p>
            <FormattedMessage
              id="account.invitation.intro"
              defaultMessage="This invitation for {email} gives these roles. It works once, until {date}."
              values={{
                email: <strong data-i18n-exempt>{state.invitation.email}</strong>,
                date: <FormattedDate value={state.invitation.expiresAt} dateStyle="long" />,
              }}
            />
          </p>
          <ul className="grant-list">
            {state.invitation.grants.map((g) => (
              <li key={`${g.role}/${g.scope ?? ''}`}>{grantLabel(intl, g)}</li>
            ))}
          </ul>
          {state.invitation.accountExists ? (
            signedInAs === state.invitation.email ? null : (
              <p className="notice">
                <FormattedMessage
                  id="account.invitation.signInFirst"
                  defaultMessage="An account with this address exists. {link}, then open the invitation link again."
                  values={{
                    link: (
                      <AppLink href={accountPath('signIn')}>
                        <FormattedMessage id="account.invitation.signInLink" defaultMessage="Sign in" />
                      </AppLink>
                    ),
                  }}
                />
              </p>
            )
          ) : (
            <>
              <p className="field">
                <label htmlFor="invitation-name">
                  <FormattedMessage id="account.displayName" defaultMessage="Your name" />
                </label>
                <input id="invitation-name" required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
              </p>
              <PasswordField
                id="invitation-password"
                label={<FormattedMessage id="account.newPassword" defaultMessage="New password" />}
                value={password}
                onChange={setPassword}
                isNew
              />
            </>
          )}
          {(!state.invitation.accountExists || signedInAs === state.invitation.email) && (
            <p className="actions">
              <button type="submit" disabled={busy}>
                <FormattedMessage id="account.invitation.submit" defaultMessage="Accept" />
              </button>
            </p>
          )}
        </form>
      )}
      {state.step === 'added' && (
        <p role="status">
          <FormattedMessage id="account.invitation.added" defaultMessage="The roles were added to your account." />
        </p>
      )}
      {state.step === 'secondFactor' && <TotpEnrollment onDone={() => navigateTo('/')} />}
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
