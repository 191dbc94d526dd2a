import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { storedToken } from '../../components/token-form.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { pathOf } from '../../use-route.ts';
import { UnitLevelsSection } from '../manage/unit-levels-section.tsx';
import { Choropleth } from './choropleth.tsx';
import { CityFilters, type Filters, noFilters, periodIsValid } from './city-filters.tsx';
import { CityNotes } from './city-notes.tsx';
import type { Classification } from './classify.ts';
import { MonthChart } from './month-chart.tsx';
import { PeriodText } from './period-text.tsx';
import { rateTable } from './unit-rates.ts';
import { UnitTable } from './unit-table.tsx';
import { useCityData } from './use-city-data.ts';
import { latestOf } from './use-load.ts';

function Loading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="loading">
      {children}
    </p>
  );
}

/** A city: its units coloured by recorded incidents per 100,000 residents, the table, and counts per month. */
export function CityPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const countryName = useCountryName();
  // An operator who gave the token on an administrator page sees exact counts (DESIGN §4).
  const [token] = useState(storedToken);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [method, setMethod] = useState<Classification>('quantile');
  // The unit in focus: pointed at on the map, or moved to in the table. Leaving the map clears
  // only what the map chose, so a keyboard choice survives the pointer wandering off.
  const [focus, setFocus] = useState<{ unit: string; from: 'map' | 'table' }>();
  const active = focus?.unit;
  const onMapHover = useCallback(
    (unit: string | undefined) =>
      setFocus((current) => (unit ? { unit, from: 'map' } : current?.from === 'map' ? undefined : current)),
    [],
  );
  const onTableFocus = useCallback((unit: string | undefined) => setFocus(unit ? { unit, from: 'table' } : undefined), []);
  const data = useCityData(slug, filters, token);
  const city = latestOf(data.city);
  const units = latestOf(data.units);
  const byUnit = latestOf(data.byUnit);
  const byMonth = latestOf(data.byMonth);
  const table = useMemo(
    () => (units && byUnit ? rateTable(units, byUnit.rows, method) : undefined),
    [units, byUnit, method],
  );
  useDocumentTitle(city?.name ?? intl.formatMessage({ id: 'city.title', defaultMessage: 'City' }));
  const total = table?.units.reduce((sum, u) => sum + (u.count ?? 0), 0) ?? 0;
  const period = <PeriodText from={filters.from} to={filters.to} />;

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'cities' })}>
          <FormattedMessage id="city.backToCities" defaultMessage="All cities" />
        </AppLink>
      </p>
      <h1 tabIndex={-1}>
        {city ? (
          <span data-i18n-exempt translate="no">
            {city.name}
          </span>
        ) : (
          <FormattedMessage id="city.title" defaultMessage="City" />
        )}
      </h1>
      {city && (
        <p className="subtitle" data-i18n-exempt>
          {countryName(city.country)}
        </p>
      )}
      {data.city.state === 'failed' && <ErrorMessage error={data.city.error} />}
      {data.city.state !== 'failed' && (
        <>
          <p>
            <AppLink href={pathOf({ page: 'cityImports', slug })}>
              <FormattedMessage id="city.importsLink" defaultMessage="Import incident records (operators)" />
            </AppLink>
            {' · '}
            <AppLink href={pathOf({ page: 'cityHotspots', slug })}>
              <FormattedMessage id="hotspots.link" defaultMessage="Hot spots" />
            </AppLink>
          </p>
          <p>
            <AppLink href={pathOf({ page: 'citySurveys', slug })}>
              <FormattedMessage id="surveys.cityLink" defaultMessage="Import a survey (operators)" />
            </AppLink>
          </p>
          <p>
            <AppLink href={pathOf({ page: 'cityIndicators', slug })}>
              <FormattedMessage id="indicators.cityLink" defaultMessage="Indicators and monitoring" />
            </AppLink>
          </p>
          <CityFilters filters={filters} onChange={setFilters} levels={data.levels} />
          <p role="status" className="updated">
            {periodIsValid(filters) && table && (
              <FormattedMessage
                id="city.status"
                defaultMessage="{units, plural, one {# unit} other {# units}}, {total, number} incidents recorded in them."
                values={{ units: table.units.length, total }}
              />
            )}
          </p>

          <section aria-labelledby="map-heading">
            <h2 id="map-heading">
              <FormattedMessage id="city.map.title" defaultMessage="Recorded incidents per 100,000 residents" />
            </h2>
            <p>
              <FormattedMessage id="city.map.period" defaultMessage="Period: {period}." values={{ period }} />
            </p>
            {data.units.state === 'failed' && <ErrorMessage error={data.units.error} />}
            {data.byUnit.state === 'failed' && <ErrorMessage error={data.byUnit.error} />}
            {!table && data.units.state !== 'failed' && data.byUnit.state !== 'failed' && (
              <Loading>
                <FormattedMessage id="city.loading" defaultMessage="Loading the city's figures…" />
              </Loading>
            )}
            {table && units?.features.length === 0 && (
              <p className="empty-state">
                <FormattedMessage
                  id="city.noUnits"
                  defaultMessage="This city has no administrative units yet, so its incidents cannot be mapped. An administrator imports them with the {command} command."
                  values={{ command: <code data-i18n-exempt translate="no">safer units import</code> }}
                />
              </p>
            )}
            {table && (units?.features.length ?? 0) > 0 && (
              <Choropleth table={table} method={method} onMethodChange={setMethod} active={active} onActive={onMapHover} />
            )}
          </section>

          <section aria-labelledby="months-heading">
            <h2 id="months-heading">
              <FormattedMessage id="city.months.title" defaultMessage="By month" />
            </h2>
            {data.byMonth.state === 'failed' && <ErrorMessage error={data.byMonth.error} />}
            {byMonth ? (
              <MonthChart rows={byMonth.rows} />
            ) : (
              data.byMonth.state === 'loading' &&
              periodIsValid(filters) && (
                <Loading>
                  <FormattedMessage id="city.months.loading" defaultMessage="Loading the counts per month…" />
                </Loading>
              )
            )}
          </section>
          <section aria-labelledby="units-heading">
            <h2 id="units-heading">
              <FormattedMessage id="city.units.title" defaultMessage="By unit" />
            </h2>
            {table && (
              <UnitTable
                units={table.units}
                outside={table.outside}
                active={active}
                onActive={onTableFocus}
                caption={
                  <FormattedMessage
                    id="city.table.caption"
                    defaultMessage="Recorded incidents, population and rate per 100,000 residents by unit: {period}"
                    values={{ period }}
                  />
                }
              />
            )}
            <CityNotes table={table} year={data.year} anonymous={!token} serverNotes={byUnit?.notes ?? []} />
          </section>
          <UnitLevelsSection slug={slug} />
        </>
      )}
    </>
  );
}
