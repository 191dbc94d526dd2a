import { FormattedMessage, useIntl } from 'react-intl';
import { useCountryName } from '../../components/use-country-name.ts';
import type { AdminScope } from './account-api.ts';
import { scopeKey } from './admin-scopes.ts';

/** A scope's name in the reader's language: the whole platform, a city (its slug), a state. */
export function useScopeName(): (scope: AdminScope) => string {
  const intl = useIntl();
  const countryName = useCountryName();
  return (scope) => {
    switch (scope.kind) {
      case 'platform':
        return intl.formatMessage({ id: 'account.admin.scope.platform', defaultMessage: 'The whole platform' });
      case 'city':
        return intl.formatMessage({ id: 'account.admin.scope.city', defaultMessage: 'City: {city}' }, { city: scope.id });
      case 'country':
        return intl.formatMessage({ id: 'account.admin.scope.country', defaultMessage: 'State: {country}' }, { country: countryName(scope.id) });
      default: {
        const unreachable: never = scope;
        throw new Error(`Unknown scope ${String(unreachable)}`);
      }
    }
  };
}

/** Chooses which of the scopes one administers the page shows (only when there is more than one). */
export function ScopePicker({ id, scopes, value, onChange }: { id: string; scopes: AdminScope[]; value: AdminScope; onChange: (scope: AdminScope) => void }) {
  const scopeName = useScopeName();
  if (scopes.length < 2) return <p className="scope-name">{scopeName(value)}</p>;
  return (
    <p className="field scope-picker">
      <label htmlFor={id}>
        <FormattedMessage id="account.admin.scope" defaultMessage="Where" />
      </label>
      <select id={id} value={scopeKey(value)} onChange={(e) => onChange(scopes.find((s) => scopeKey(s) === e.target.value) ?? value)}>
        {scopes.map((s) => (
          <option key={scopeKey(s)} value={scopeKey(s)}>
            {scopeName(s)}
          </option>
        ))}
      </select>
    </p>
  );
}
