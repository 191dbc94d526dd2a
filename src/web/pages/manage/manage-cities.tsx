import { FormattedMessage } from 'react-intl';
import type { City } from '../../api/types.ts';
import { TokenForm } from '../../components/token-form.tsx';
import { CityCreateForm } from './city-create-form.tsx';
import type { Manager } from './use-manager.ts';

/**
 * The Cities page's part for administrators: the form to create a city when the reader may, else
 * a closed disclosure where the operator gives the token.
 */
export function ManageCities({ manager, onCreated }: { manager: Manager; onCreated: (city: City) => void }) {
  if (manager.canManage) return <CityCreateForm token={manager.token} onCreated={onCreated} />;
  return (
    <details className="manage-token">
      <summary>
        <FormattedMessage id="cities.manage.summary" defaultMessage="Manage cities (administrators)" />
      </summary>
      <p>
        <FormattedMessage
          id="cities.manage.intro"
          defaultMessage="Sign in as a secretariat administrator, or give the operator token, to create cities."
        />
      </p>
      <TokenForm
        token={manager.token}
        onSubmit={manager.setToken}
        submitLabel={<FormattedMessage id="cities.manage.useToken" defaultMessage="Use the token" />}
      />
    </details>
  );
}
