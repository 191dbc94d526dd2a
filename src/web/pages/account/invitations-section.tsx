import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { type AdminScope, type Invitation, listInvitations, revokeInvitation } from './account-api.ts';
import { grantLabel } from './role-labels.ts';
import { useSubmit } from './use-submit.ts';

const statusMessages = {
  open: { id: 'account.invitations.status.open', defaultMessage: 'Open' },
  used: { id: 'account.invitations.status.used', defaultMessage: 'Accepted' },
  revoked: { id: 'account.invitations.status.revoked', defaultMessage: 'Revoked' },
  expired: { id: 'account.invitations.status.expired', defaultMessage: 'Expired' },
} as const;

/** The invitations of a scope, with "Revoke" on the open ones (their link stops working). */
export function InvitationsSection({ scope }: { scope: AdminScope }) {
  const intl = useIntl();
  const [invitations, setInvitations] = useState<Invitation[] | undefined>();
  const { busy, error, run } = useSubmit();
  const reload = useCallback(() => run(async () => setInvitations(await listInvitations(scope))), [run, scope]);
  useEffect(() => {
    setInvitations(undefined);
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">
        <FormattedMessage id="account.invitations.title" defaultMessage="Invitations" />
      </h2>
      {error !== undefined && <ErrorMessage error={error} />}
      {invitations !== undefined &&
        (invitations.length === 0 ? (
          <p className="empty-state">
            <FormattedMessage id="account.invitations.empty" defaultMessage="No invitation sent here." />
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table invitations-table">
              <caption>
                <FormattedMessage id="account.invitations.caption" defaultMessage="Invitations, newest first" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="account.email" defaultMessage="E-mail address" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.people.roles" defaultMessage="Roles" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.status" defaultMessage="Status" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.expires" defaultMessage="Expires" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.actions" defaultMessage="Actions" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td data-i18n-exempt>{i.email}</td>
                    <td>{i.grants.map((g) => grantLabel(intl, g)).join(', ')}</td>
                    <td>{intl.formatMessage(statusMessages[i.status])}</td>
                    <td>
                      <time dateTime={i.expiresAt}>
                        <FormattedDate value={i.expiresAt} dateStyle="medium" />
                      </time>
                    </td>
                    <td>
                      {i.status === 'open' && (
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={intl.formatMessage({ id: 'account.invitations.revokeLabel', defaultMessage: 'Revoke the invitation of {email}' }, { email: i.email })}
                          onClick={() =>
                            void run(async () => {
                              await revokeInvitation(scope, i.id);
                              setInvitations(await listInvitations(scope));
                            })
                          }
                        >
                          <FormattedMessage id="account.tokens.revoke" defaultMessage="Revoke" />
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
