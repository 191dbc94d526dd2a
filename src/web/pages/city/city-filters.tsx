import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { UnitLevel } from '../../api/types.ts';
import { iccsOptions } from './iccs-options.ts';

export const sources = ['', 'police', 'health'] as const;
export type Source = (typeof sources)[number];

/** What the reader filters on. Empty dates are unbounded; both bounds are whole days, inclusive. */
export type Filters = { from: string; to: string; iccs: string; source: Source; level: number | undefined };

export const noFilters: Filters = { from: '', to: '', iccs: '', source: '', level: undefined };

/** Whether the period is usable: `from` is not after `to`. */
export function periodIsValid(filters: Filters): boolean {
  return !filters.from || !filters.to || filters.from <= filters.to;
}

type Props = {
  filters: Filters;
  onChange: (filters: Filters) => void;
  levels: UnitLevel[];
};

export function CityFilters({ filters, onChange, levels }: Props) {
  const intl = useIntl();
  const options = useMemo(() => iccsOptions(intl.locale), [intl.locale]);
  const unofficial = options.some((o) => o.unofficial);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  const badPeriod = !periodIsValid(filters);

  return (
    <form className="filters" aria-labelledby="filters-heading" onSubmit={(event) => event.preventDefault()}>
      <h2 id="filters-heading">
        <FormattedMessage id="city.filters.title" defaultMessage="Filters" />
      </h2>
      <div className="filter-fields">
        <div className="field">
          <label htmlFor="filter-from">
            <FormattedMessage id="city.filters.from" defaultMessage="From (first day)" />
          </label>
          <input
            id="filter-from"
            type="date"
            value={filters.from}
            aria-invalid={badPeriod || undefined}
            aria-describedby={badPeriod ? 'filter-period-error' : undefined}
            onChange={(event) => set('from', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="filter-to">
            <FormattedMessage id="city.filters.to" defaultMessage="To (last day)" />
          </label>
          <input
            id="filter-to"
            type="date"
            value={filters.to}
            aria-invalid={badPeriod || undefined}
            aria-describedby={badPeriod ? 'filter-period-error' : undefined}
            onChange={(event) => set('to', event.target.value)}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor="filter-iccs">
            <FormattedMessage id="city.filters.iccs" defaultMessage="Category (ICCS)" />
          </label>
          <select
            id="filter-iccs"
            value={filters.iccs}
            aria-describedby={unofficial ? 'filter-iccs-note' : undefined}
            onChange={(event) => set('iccs', event.target.value)}
          >
            <option value="">{intl.formatMessage({ id: 'city.filters.iccs.all', defaultMessage: 'All categories' })}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code} lang={o.lang} data-i18n-exempt>
                {o.level === 2 ? '\u2003' : ''}
                {o.code} {o.text}
                {o.unofficial ? ' *' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-source">
            <FormattedMessage id="city.filters.source" defaultMessage="Source" />
          </label>
          <select
            id="filter-source"
            value={filters.source}
            onChange={(event) => set('source', event.target.value as Source)}
          >
            <option value="">{intl.formatMessage({ id: 'city.filters.source.all', defaultMessage: 'All sources' })}</option>
            <option value="police">{intl.formatMessage({ id: 'city.filters.source.police', defaultMessage: 'Police' })}</option>
            <option value="health">{intl.formatMessage({ id: 'city.filters.source.health', defaultMessage: 'Health (hospitals)' })}</option>
          </select>
        </div>
        {levels.length > 1 && (
          <div className="field">
            <label htmlFor="filter-level">
              <FormattedMessage id="city.filters.level" defaultMessage="Units" />
            </label>
            <select
              id="filter-level"
              value={filters.level ?? ''}
              onChange={(event) => set('level', Number(event.target.value))}
            >
              {levels.map((l) => (
                <option key={l.level} value={l.level}>
                  {intl.formatMessage({ id: 'city.filters.levelOption', defaultMessage: 'Level {level, number}' }, { level: l.level })}
                  {l.name ? ` – ${l.name}` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field-action">
          <button type="button" className="secondary" onClick={() => onChange({ ...noFilters, level: filters.level })}>
            <FormattedMessage id="city.filters.reset" defaultMessage="Clear filters" />
          </button>
        </div>
      </div>
      {badPeriod && (
        <p id="filter-period-error" className="field-error" role="alert">
          <FormattedMessage id="city.filters.badPeriod" defaultMessage="The first day must not be after the last day." />
        </p>
      )}
      {unofficial && (
        <p id="filter-iccs-note" className="help">
          <FormattedMessage
            id="city.filters.iccsUnofficial"
            defaultMessage="Categories marked * are an unofficial translation of the ICCS, not yet checked against the version published by UNODC."
          />
        </p>
      )}
    </form>
  );
}
