import { type FormEvent, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { listUnitLevels, renameUnitLevel } from '../../api/client.ts';
import { errorMessageFor } from '../../api/error-messages.ts';
import type { UnitLevel } from '../../api/types.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { fieldErrorsOf } from './field-errors.ts';
import { useManager } from './use-manager.ts';

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'loaded'; levels: UnitLevel[] };

/** One level's row: its number, units, and a field to rename it (PUT …/units/levels/{level}). */
function LevelRow({ slug, level, token, onSaved }: { slug: string; level: UnitLevel; token: string; onSaved: (l: UnitLevel) => void }) {
  const intl = useIntl();
  const [name, setName] = useState(level.name ?? '');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState(false);
  const { byField, general } = fieldErrorsOf(error, ['name'] as const);
  const id = `unit-level-${level.level}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    setSaved(false);
    try {
      const answer = await renameUnitLevel(slug, level.level, name.trim(), token || undefined);
      onSaved(answer);
      setName(answer.name ?? '');
      setSaved(true);
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

  return (
    <li>
      <form className="level-form" onSubmit={submit} noValidate>
        <label htmlFor={id}>
          <FormattedMessage
            id="city.levels.label"
            defaultMessage="Name of level {level, number} ({units, plural, one {# unit} other {# units}})"
            values={{ level: level.level, units: level.units }}
          />
        </label>
        <input
          id={id}
          value={name}
          autoComplete="off"
          aria-invalid={byField.name ? true : undefined}
          aria-describedby={byField.name ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={sending}>
          <FormattedMessage id="city.levels.save" defaultMessage="Rename" />
        </button>
        <span role="status" className="updated">
          {saved && <FormattedMessage id="city.levels.saved" defaultMessage="Saved." />}
        </span>
        {byField.name && (
          <p id={`${id}-error`} className="field-error">
            {intl.formatMessage(errorMessageFor(byField.name.messageId, (m) => m in intl.messages))}{' '}
            <FormattedMessage id="city.levels.hint" defaultMessage="Enter a name of 1 to 100 characters." />
          </p>
        )}
      </form>
      {general !== undefined && <ErrorMessage error={general} />}
    </li>
  );
}

/** "Unit levels" on a city's page, for the secretariat or the operator: the levels and their names. */
export function UnitLevelsSection({ slug }: { slug: string }) {
  const manager = useManager();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    if (!manager.canManage) return;
    const abort = new AbortController();
    listUnitLevels(slug, abort.signal).then(
      (levels) => setLoad({ state: 'loaded', levels }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [slug, manager.canManage]);

  if (!manager.canManage) return null;
  const onSaved = (saved: UnitLevel) =>
    setLoad((current) =>
      current.state === 'loaded'
        ? { state: 'loaded', levels: current.levels.map((l) => (l.level === saved.level ? { ...l, ...saved } : l)) }
        : current,
    );

  return (
    <section aria-labelledby="levels-heading" className="manage-levels">
      <h2 id="levels-heading">
        <FormattedMessage id="city.levels.title" defaultMessage="Unit levels" />
      </h2>
      {load.state === 'loading' && (
        <p role="status">
          <FormattedMessage id="city.levels.loading" defaultMessage="Loading the unit levels…" />
        </p>
      )}
      {load.state === 'failed' && <ErrorMessage error={load.error} />}
      {load.state === 'loaded' && load.levels.length === 0 && (
        <p className="empty-state">
          <FormattedMessage
            id="city.levels.empty"
            defaultMessage="This city has no unit levels yet: they appear once its units are imported."
          />
        </p>
      )}
      {load.state === 'loaded' && load.levels.length > 0 && (
        <ul className="level-list">
          {load.levels.map((level) => (
            <LevelRow key={level.level} slug={slug} level={level} token={manager.token} onSaved={onSaved} />
          ))}
        </ul>
      )}
    </section>
  );
}
