import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { STATE_AREAS, sortByName, stateName } from '../../../core/reference/states.ts';
import { createCity, type NewCity } from '../../api/client.ts';
import { errorMessageFor } from '../../api/error-messages.ts';
import type { City } from '../../api/types.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { type FieldProblem, fieldErrorsOf } from './field-errors.ts';

const fields = ['slug', 'name', 'country', 'timezone'] as const;
type Field = (typeof fields)[number];

const empty: NewCity = { slug: '', name: '', country: '', timezone: '' };

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

type Props = {
  /** The operator token ('' when a signed-in administrator's session cookie authenticates). */
  token: string;
  onCreated: (city: City) => void;
};

/** "Create a city": for the secretariat or the operator (POST /api/v1/cities). */
export function CityCreateForm({ token, onCreated }: Props) {
  const intl = useIntl();
  const [draft, setDraft] = useState<NewCity>(empty);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const states = useMemo(
    () => sortByName(STATE_AREAS, intl.locale).map((s) => ({ code: s.alpha3, name: stateName(s.alpha3, intl.locale) ?? s.alpha3 })),
    [intl.locale],
  );
  const zones = useMemo(timeZones, []);
  const { byField, general } = fieldErrorsOf(error, fields);

  const set = (field: Field) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      const city = await createCity({ ...draft, slug: draft.slug.trim(), name: draft.name.trim() }, token || undefined);
      setDraft(empty);
      onCreated(city);
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

  const problemText = (field: Field, problem: FieldProblem | undefined, hint: ReactNode) =>
    problem && (
      <p id={`city-${field}-error`} className="field-error">
        {intl.formatMessage(errorMessageFor(problem.messageId, (id) => id in intl.messages))} {hint}
        {problem.message && (
          <>
            {' '}
            <FormattedMessage
              id="cities.create.serverSaid"
              defaultMessage="(Server: {message})"
              values={{
                message: (
                  <span lang="en" dir="ltr" data-i18n-exempt>
                    {problem.message}
                  </span>
                ),
              }}
            />
          </>
        )}
      </p>
    );

  const describedBy = (field: Field, help?: boolean) =>
    [help ? `city-${field}-help` : '', byField[field] ? `city-${field}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  const slugHint = (
    <FormattedMessage
      id="cities.create.slug.help"
      defaultMessage="2 to 64 lower-case letters, digits and single hyphens, used in the city's address, e.g. {example}."
      values={{ example: <code data-i18n-exempt translate="no">nairobi</code> }}
    />
  );

  return (
    <form className="manage-form" onSubmit={submit} noValidate aria-labelledby="create-city-heading">
      <h2 id="create-city-heading">
        <FormattedMessage id="cities.create.title" defaultMessage="Create a city" />
      </h2>
      {general !== undefined && <ErrorMessage error={general} />}
      <div className="field">
        <label htmlFor="city-slug">
          <FormattedMessage id="cities.create.slug" defaultMessage="Identifier" />
        </label>
        <input
          id="city-slug"
          name="slug"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          value={draft.slug}
          aria-invalid={byField.slug ? true : undefined}
          aria-describedby={describedBy('slug', true)}
          onChange={(e) => set('slug')(e.target.value)}
        />
        <p id="city-slug-help" className="help">
          {slugHint}
        </p>
        {problemText('slug', byField.slug, undefined)}
      </div>
      <div className="field">
        <label htmlFor="city-name">
          <FormattedMessage id="cities.create.name" defaultMessage="Name" />
        </label>
        <input
          id="city-name"
          name="name"
          autoComplete="off"
          value={draft.name}
          aria-invalid={byField.name ? true : undefined}
          aria-describedby={describedBy('name')}
          onChange={(e) => set('name')(e.target.value)}
        />
        {problemText(
          'name',
          byField.name,
          <FormattedMessage id="cities.create.name.hint" defaultMessage="Enter a name of up to 200 characters." />,
        )}
      </div>
      <div className="field">
        <label htmlFor="city-country">
          <FormattedMessage id="cities.create.country" defaultMessage="State or area" />
        </label>
        <select
          id="city-country"
          name="country"
          value={draft.country}
          aria-invalid={byField.country ? true : undefined}
          aria-describedby={describedBy('country')}
          onChange={(e) => set('country')(e.target.value)}
        >
          <option value="">{intl.formatMessage({ id: 'cities.create.choose', defaultMessage: 'Choose…' })}</option>
          {states.map((s) => (
            <option key={s.code} value={s.code} data-i18n-exempt>
              {s.name}
            </option>
          ))}
        </select>
        {problemText(
          'country',
          byField.country,
          <FormattedMessage id="cities.create.country.hint" defaultMessage="Choose a state or area from the list." />,
        )}
      </div>
      <div className="field">
        <label htmlFor="city-timezone">
          <FormattedMessage id="cities.create.timezone" defaultMessage="Time zone" />
        </label>
        <select
          id="city-timezone"
          name="timezone"
          dir="ltr"
          value={draft.timezone}
          aria-invalid={byField.timezone ? true : undefined}
          aria-describedby={describedBy('timezone')}
          onChange={(e) => set('timezone')(e.target.value)}
        >
          <option value="">{intl.formatMessage({ id: 'cities.create.choose', defaultMessage: 'Choose…' })}</option>
          {zones.map((zone) => (
            <option key={zone} value={zone} data-i18n-exempt translate="no">
              {zone}
            </option>
          ))}
        </select>
        {problemText(
          'timezone',
          byField.timezone,
          <FormattedMessage id="cities.create.timezone.hint" defaultMessage="Choose a time zone from the list." />,
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={sending}>
          <FormattedMessage id="cities.create.submit" defaultMessage="Create the city" />
        </button>
      </div>
    </form>
  );
}
