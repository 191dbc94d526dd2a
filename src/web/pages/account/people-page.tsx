import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { isRoleId, scopeKindOf } from '../../../core/accounts/role.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { type AdminScope, changeGrant, type Grant, listPeople, type Person } from './account-api.ts';
import { accountPath } from './account-routes.ts';
import { adminScopes, rolesFor } from './admin-scopes.ts';
import { grantLabel } from './role-labels.ts';
import { ScopePicker } from './scope-picker.tsx';
import { useSession } from './session-context.tsx';
import { useSubmit } from './use-submit.ts';

/** Role administration: the people of a scope one administers, their roles there, giving and taking back roles. */
export function PeoplePage() {
  const { state } = useSession();
  const title = (
    <h1 tabIndex={-1}>
      <FormattedMessage id="account.people.title" defaultMessage="People and roles" />
    </h1>
  );
  if (state.status === 'loading') {
    return (
      <p role="status">
        <FormattedMessage id="app.loadingPage" defaultMessage="Loading the page…" />
      </p>
    );
  }
  const scopes = state.status === 'signedIn' ? adminScopes(state.session, 'people') : [];
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
              id="account.people.none"
              defaultMessage="You administer no roles: the secretariat, a city's administrators and a state's focal points (after signing in with their second factor) do."
            />
          )}
        </p>
      </>
    );
  }
  return (
    <>
      {title}
      <PeopleOfScopes scopes={scopes} />
    </>
  );
}

function PeopleOfScopes({ scopes }: { scopes: AdminScope[] }) {
  const intl = useIntl();
  const [scope, setScope] = useState<AdminScope>(scopes[0]!);
  const [people, setPeople] = useState<Person[] | undefined>();
  const load = useSubmit();
  const change = useSubmit();
  const roles = rolesFor(scope, 'people');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<string>(roles[0]!);
  const [scopeId, setScopeId] = useState('');
  const [done, setDone] = useState<string>();

  const { run } = load;
  const reload = useCallback(() => run(async () => setPeople(await listPeople(scope))), [run, scope]);
  useEffect(() => {
    setPeople(undefined);
    setPersonId('');
    setRole(rolesFor(scope, 'people')[0]!);
    void reload();
  }, [reload, scope]);

  const apply = (person: Person, grant: Grant, what: 'grant' | 'revoke') =>
    change.run(async () => {
      setDone(undefined);
      await changeGrant(scope, person.id, grant, what);
      await reload();
      const values = { role: grantLabel(intl, grant), name: person.displayName };
      setDone(
        what === 'grant'
          ? intl.formatMessage({ id: 'account.people.granted', defaultMessage: '{name} now holds {role}.' }, values)
          : intl.formatMessage({ id: 'account.people.revoked', defaultMessage: '{name} no longer holds {role}.' }, values),
      );
    });

  const needsScope = scope.kind === 'platform' && isRoleId(role) && scopeKindOf(role) !== 'platform';
  const grantFromForm = (): Grant =>
    scope.kind === 'platform' ? (needsScope ? { role, scope: scopeId.trim() } : { role }) : { role, scope: scope.id };

  return (
    <>
      <ScopePicker id="people-scope" scopes={scopes} value={scope} onChange={setScope} />
      {load.error !== undefined && <ErrorMessage error={load.error} />}
      {people === undefined ? (
        load.busy && (
          <p role="status">
            <FormattedMessage id="account.people.loading" defaultMessage="Loading the people…" />
          </p>
        )
      ) : (
        <div className="table-scroll">
          <table className="data-table people-table">
            <caption>
              <FormattedMessage id="account.people.caption" defaultMessage="{count, plural, one {# person} other {# people}} with a role here" values={{ count: people.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="account.people.name" defaultMessage="Name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="account.email" defaultMessage="E-mail address" />
                </th>
                <th scope="col">
                  <FormattedMessage id="account.people.roles" defaultMessage="Roles" />
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td data-i18n-exempt>{p.displayName}</td>
                  <td data-i18n-exempt>{p.email}</td>
                  <td>
                    <ul className="grant-list">
                      {p.grants.map((g) => (
                        <li key={`${g.role}/${g.scope ?? ''}`}>
                          {grantLabel(intl, g)}{' '}
                          <button
                            type="button"
                            className="link-button"
                            disabled={change.busy}
                            aria-label={intl.formatMessage(
                              { id: 'account.people.revokeLabel', defaultMessage: 'Take back {role} from {name}' },
                              { role: grantLabel(intl, g), name: p.displayName },
                            )}
                            onClick={() => void apply(p, g, 'revoke')}
                          >
                            <FormattedMessage id="account.people.revoke" defaultMessage="Take back" />
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people && people.length > 0 && (
        <form
          className="account-form"
          onSubmit={(event) => {
            event.preventDefault();
            const person = people.find((p) => String(p.id) === personId);
            if (person) void apply(person, grantFromForm(), 'grant');
          }}
        >
          <h2>
            <FormattedMessage id="account.people.give" defaultMessage="Give a role" />
          </h2>
          <p className="field">
            <label htmlFor="people-person">
              <FormattedMessage id="account.people.person" defaultMessage="Person" />
            </label>
            <select id="people-person" required value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">{intl.formatMessage({ id: 'account.people.choose', defaultMessage: 'Choose someone' })}</option>
              {people.map((p) => (
                <option key={p.id} value={String(p.id)} data-i18n-exempt>
                  {p.displayName} ({p.email})
                </option>
              ))}
            </select>
          </p>
          <p className="field">
            <label htmlFor="people-role">
              <FormattedMessage id="account.people.role" defaultMessage="Role" />
            </label>
            <select id="people-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {grantLabel(intl, { role: r })}
                </option>
              ))}
            </select>
          </p>
          {needsScope && (
            <p className="field">
              <label htmlFor="people-role-scope">
                <FormattedMessage id="account.people.roleScope" defaultMessage="Where the role applies (a city's slug, a state's ISO code such as KEN, a language code, a review id)" />
              </label>
              <input id="people-role-scope" required value={scopeId} onChange={(e) => setScopeId(e.target.value)} />
            </p>
          )}
          <p className="actions">
            <button type="submit" disabled={change.busy}>
              <FormattedMessage id="account.people.giveSubmit" defaultMessage="Give the role" />
            </button>
          </p>
          <p className="hint">
            <FormattedMessage id="account.people.inviteHint" defaultMessage="Someone new gets their first role by invitation." />
          </p>
        </form>
      )}
      {change.error !== undefined && <ErrorMessage error={change.error} />}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
    </>
  );
}
