import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { apiTokenDefaultDays, apiTokenMaxDays } from '../../../core/accounts/api-token.ts';
import { isRoleId, scopeKindOf } from '../../../core/accounts/role.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { type AdminScope, type ApiToken, createToken, type Grant, listTokens, revokeToken } from './account-api.ts';
import { accountPath } from './account-routes.ts';
import { adminScopes, rolesFor } from './admin-scopes.ts';
import { grantLabel } from './role-labels.ts';
import { ScopePicker } from './scope-picker.tsx';
import { useSession } from './session-context.tsx';
import { useSubmit } from './use-submit.ts';

const statusMessages = {
  active: { id: 'account.tokens.status.active', defaultMessage: 'Active' },
  expired: { id: 'account.tokens.status.expired', defaultMessage: 'Expired' },
  revoked: { id: 'account.tokens.status.revoked', defaultMessage: 'Revoked' },
} as const;

/** API tokens for machines: make one (its secret shown once), list them, revoke one. */
export function TokensPage() {
  const { state } = useSession();
  const title = (
    <h1 tabIndex={-1}>
      <FormattedMessage id="account.tokens.title" defaultMessage="API tokens" />
    </h1>
  );
  if (state.status === 'loading') {
    return (
      <p role="status">
        <FormattedMessage id="app.loadingPage" defaultMessage="Loading the page…" />
      </p>
    );
  }
  const scopes = state.status === 'signedIn' ? adminScopes(state.session, 'tokens') : [];
  if (scopes.length === 0) {
    return (
      <>
        {title}
        <p className="notice">
          {state.status === 'anonymous' ? (
            <AppLink href={accountPath('signIn')}>
              <FormattedMessage id="account.signInToSee" defaultMessage="Sign in to see your account." />
            </AppLink>
          ) : (
            <FormattedMessage
              id="account.tokens.none"
              defaultMessage="Only the secretariat (signed in with its second factor) and a city's administrators make API tokens."
            />
          )}
        </p>
      </>
    );
  }
  return (
    <>
      {title}
      <p>
        <FormattedMessage
          id="account.tokens.intro"
          defaultMessage="A token lets a machine — a scheduled import, an Open311 client — use the API with the roles it carries. It expires, and can be revoked at any time."
        />
      </p>
      <TokensOfScopes scopes={scopes} />
    </>
  );
}

function TokensOfScopes({ scopes }: { scopes: AdminScope[] }) {
  const intl = useIntl();
  const [scope, setScope] = useState<AdminScope>(scopes[0]!);
  const [tokens, setTokens] = useState<ApiToken[] | undefined>();
  const [made, setMade] = useState<{ name: string; secret: string }>();
  const load = useSubmit();
  const change = useSubmit();
  const roles = rolesFor(scope, 'tokens');
  const [name, setName] = useState('');
  const [role, setRole] = useState<string>(roles[0]!);
  const [scopeId, setScopeId] = useState('');
  const [days, setDays] = useState(String(apiTokenDefaultDays));

  const { run } = load;
  const reload = useCallback(() => run(async () => setTokens(await listTokens(scope))), [run, scope]);
  useEffect(() => {
    setTokens(undefined);
    setMade(undefined);
    setRole(rolesFor(scope, 'tokens')[0]!);
    void reload();
  }, [reload, scope]);

  const needsScope = scope.kind === 'platform' && isRoleId(role) && scopeKindOf(role) !== 'platform';
  const grant = (): Grant => (scope.kind === 'platform' ? (needsScope ? { role, scope: scopeId.trim() } : { role }) : { role, scope: scope.id });

  const make = () =>
    change.run(async () => {
      setMade(undefined);
      const { token, secret } = await createToken(scope, { name: name.trim(), grants: [grant()], expiresInDays: Number(days) });
      setMade({ name: token.name, secret });
      setName('');
      await reload();
      window.setTimeout(() => document.getElementById('token-secret-heading')?.focus(), 0);
    });
  const revoke = (token: ApiToken) =>
    change.run(async () => {
      await revokeToken(scope, token.id);
      await reload();
    });

  return (
    <>
      <ScopePicker id="tokens-scope" scopes={scopes} value={scope} onChange={setScope} />
      <form
        className="account-form"
        onSubmit={(event) => {
          event.preventDefault();
          void make();
        }}
      >
        <h2>
          <FormattedMessage id="account.tokens.make" defaultMessage="Make a token" />
        </h2>
        <p className="field">
          <label htmlFor="token-name">
            <FormattedMessage id="account.tokens.name" defaultMessage="What it is for" />
          </label>
          <input id="token-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </p>
        <p className="field">
          <label htmlFor="token-role">
            <FormattedMessage id="account.people.role" defaultMessage="Role" />
          </label>
          <select id="token-role" value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {grantLabel(intl, { role: r })}
              </option>
            ))}
          </select>
        </p>
        {needsScope && (
          <p className="field">
            <label htmlFor="token-role-scope">
              <FormattedMessage
                id="account.people.roleScope"
                defaultMessage="Where the role applies (a city's slug, a state's ISO code such as KEN, a language code, a review id)"
              />
            </label>
            <input id="token-role-scope" required value={scopeId} onChange={(e) => setScopeId(e.target.value)} />
          </p>
        )}
        <p className="field">
          <label htmlFor="token-days">
            <FormattedMessage id="account.tokens.days" defaultMessage="Days until it expires (at most {max})" values={{ max: apiTokenMaxDays }} />
          </label>
          <input id="token-days" type="number" required min={1} max={apiTokenMaxDays} value={days} onChange={(e) => setDays(e.target.value)} />
        </p>
        <p className="actions">
          <button type="submit" disabled={change.busy}>
            <FormattedMessage id="account.tokens.makeSubmit" defaultMessage="Make the token" />
          </button>
        </p>
      </form>
      {change.error !== undefined && <ErrorMessage error={change.error} />}
      {made && (
        <section className="notice token-made" aria-labelledby="token-secret-heading">
          <h2 id="token-secret-heading" tabIndex={-1}>
            <FormattedMessage id="account.tokens.madeTitle" defaultMessage="Token “{name}” made" values={{ name: made.name }} />
          </h2>
          <p>
            <FormattedMessage
              id="account.tokens.copyNow"
              defaultMessage="Copy its secret now: it is shown only this once. The machine sends it as “Authorization: Bearer …”."
            />
          </p>
          <p>
            <code className="token-secret" data-testid="token-secret" data-i18n-exempt translate="no">
              {made.secret}
            </code>
          </p>
        </section>
      )}
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      {tokens !== undefined &&
        (tokens.length === 0 ? (
          <p className="empty-state">
            <FormattedMessage id="account.tokens.empty" defaultMessage="No API token yet." />
          </p>
        ) : (
          <div className="table-scroll">
            <table className="data-table tokens-table">
              <caption>
                <FormattedMessage id="account.tokens.caption" defaultMessage="API tokens, newest first" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.name" defaultMessage="What it is for" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.prefix" defaultMessage="Begins with" />
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
                    <FormattedMessage id="account.tokens.lastUsed" defaultMessage="Last used" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="account.tokens.actions" defaultMessage="Actions" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id}>
                    <td data-i18n-exempt>{t.name}</td>
                    <td>
                      <code data-i18n-exempt translate="no">
                        {t.prefix}…
                      </code>
                    </td>
                    <td>{t.grants.map((g) => grantLabel(intl, g)).join(', ')}</td>
                    <td>{intl.formatMessage(statusMessages[t.status])}</td>
                    <td>
                      <time dateTime={t.expiresAt}>
                        <FormattedDate value={t.expiresAt} dateStyle="medium" />
                      </time>
                    </td>
                    <td>
                      {t.lastUsedAt ? (
                        <time dateTime={t.lastUsedAt}>
                          <FormattedDate value={t.lastUsedAt} dateStyle="medium" timeStyle="short" />
                        </time>
                      ) : (
                        <FormattedMessage id="account.tokens.never" defaultMessage="Never" />
                      )}
                    </td>
                    <td>
                      {t.status === 'active' && (
                        <button
                          type="button"
                          disabled={change.busy}
                          aria-label={intl.formatMessage({ id: 'account.tokens.revokeLabel', defaultMessage: 'Revoke the token “{name}”' }, { name: t.name })}
                          onClick={() => void revoke(t)}
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
    </>
  );
}
