import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { getUnits } from '../../api/client.ts';
import { getIndicator, getIndicatorCsv, type IndicatorValue, listIndicators } from '../../api/indicators.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { storedToken } from '../../components/token-form.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { pathOf } from '../../use-route.ts';
import { Choropleth } from '../city/choropleth.tsx';
import { type Classification, classBreaks, classOf, classRanges } from '../city/classify.ts';
import type { RateTable, UnitRate } from '../city/unit-rates.ts';
import { latestOf, useLoad } from '../city/use-load.ts';
import { byLabels, columnLabels, unitLabels } from './indicator-labels.ts';
import { ValueChart } from './value-chart.tsx';

const breakdowns = ['', 'unit', 'year', 'quarter', 'month', 'sex', 'age'] as const;

/** Indicator explorer: pick an indicator, a breakdown and a period; see a chart, a map (by unit), the table, a CSV. */
export function IndicatorsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [token] = useState(storedToken);
  const [code, setCode] = useState('16.1.1');
  const [by, setBy] = useState<(typeof breakdowns)[number]>('year');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [method, setMethod] = useState<Classification>('quantile');
  const [active, setActive] = useState<string>();
  useDocumentTitle(intl.formatMessage({ id: 'indicators.title', defaultMessage: 'Indicators' }));
  const list = useLoad(`list:${slug}`, (signal) => listIndicators(slug, signal));
  const defs = latestOf(list) ?? [];
  const lang = intl.locale.split('-')[0] ?? 'en';
  const sorted = useMemo(
    () => [...defs].sort((a, b) => (a.names[lang]?.text ?? a.code).localeCompare(b.names[lang]?.text ?? b.code, intl.locale)),
    [defs, lang, intl.locale],
  );
  const def = defs.find((d) => d.code === code);
  const params = { by: by || undefined, from: from || undefined, to: to || undefined };
  const answer = useLoad(JSON.stringify([slug, code, params, token]), (signal) => getIndicator(slug, code, params, token || undefined, signal));
  const value = latestOf(answer);
  const year = to ? Number(to.slice(0, 4)) : undefined;
  const units = useLoad(by === 'unit' ? JSON.stringify(['units', slug, year]) : undefined, (signal) => getUnits(slug, { year }, signal));
  const unitCollection = by === 'unit' ? latestOf(units) : undefined;
  const table = useMemo(() => (unitCollection && value ? indicatorTable(unitCollection.features, value.rows, method) : undefined), [unitCollection, value, method]);
  const percent = def?.unit === 'percent';
  const fmt = (v: number | null) => (v === null ? '—' : intl.formatNumber(v, { maximumFractionDigits: 2 }));

  const download = async () => {
    const csv = await getIndicatorCsv(slug, code, params, token || undefined);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${slug}-${code.replace(/[^a-z0-9.-]/gi, '_')}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'city', slug })}>
          <FormattedMessage id="indicators.backToCity" defaultMessage="Back to the city" />
        </AppLink>
      </p>
      <h1 tabIndex={-1}>
        <FormattedMessage id="indicators.title" defaultMessage="Indicators" />
      </h1>
      <p>
        <AppLink href={pathOf({ page: 'cityMonitoring', slug })}>
          <FormattedMessage id="indicators.monitoringLink" defaultMessage="Monitoring framework and progress" />
        </AppLink>
      </p>
      {list.state === 'failed' && <ErrorMessage error={list.error} />}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <FormattedMessage id="indicators.indicator" defaultMessage="Indicator" />
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {sorted.map((d) => (
              <option key={d.code} value={d.code}>
                {`${d.code} — ${d.names[lang]?.text ?? d.code}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          <FormattedMessage id="indicators.by" defaultMessage="Break down by" />
          <select value={by} onChange={(e) => setBy(e.target.value as (typeof breakdowns)[number])}>
            {breakdowns
              .filter((b) => b === '' || !def || def.by.includes(b))
              .map((b) => (
                <option key={b} value={b}>
                  {intl.formatMessage(byLabels[b || 'none']!)}
                </option>
              ))}
          </select>
        </label>
        <label>
          <FormattedMessage id="indicators.from" defaultMessage="From" />
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <FormattedMessage id="indicators.to" defaultMessage="To (inclusive)" />
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </form>
      {def && (
        <section aria-labelledby="definition-heading">
          <h2 id="definition-heading">
            <span data-i18n-exempt>{def.names[lang]?.text ?? def.code}</span>
          </h2>
          <p data-i18n-exempt>{def.descriptions[lang]?.text}</p>
          {def.names[lang]?.status === 'unofficial' && (
            <p className="note">
              <FormattedMessage id="indicators.unofficial" defaultMessage="Unofficial wording or translation." />
            </p>
          )}
          <p>
            <FormattedMessage id="indicators.unitLabel" defaultMessage="Unit: {unit}" values={{ unit: intl.formatMessage(percent ? unitLabels.percent : unitLabels.rate) }} />
          </p>
        </section>
      )}
      {answer.state === 'failed' && <ErrorMessage error={answer.error} />}
      {value && (
        <>
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">
              <FormattedMessage id="indicators.chart" defaultMessage="Chart" />
            </h2>
            {value.rows.length === 0 ? (
              <p className="empty-state">
                <FormattedMessage id="indicators.noValues" defaultMessage="No values for this indicator and period." />
              </p>
            ) : (
              <ValueChart rows={value.rows} by={value.by} label={intl.formatMessage({ id: 'indicators.chartLabel', defaultMessage: 'Values with their 95% intervals' })} />
            )}
          </section>
          {table && (
            <section aria-labelledby="indicator-map-heading">
              <h2 id="indicator-map-heading">
                <FormattedMessage id="indicators.map" defaultMessage="Map by unit" />
              </h2>
              <Choropleth table={table} method={method} onMethodChange={setMethod} active={active} onActive={setActive} />
            </section>
          )}
          <section aria-labelledby="table-heading">
            <h2 id="table-heading">
              <FormattedMessage id="indicators.table" defaultMessage="Table" />
            </h2>
            <button type="button" onClick={() => void download()}>
              <FormattedMessage id="indicators.download" defaultMessage="Download CSV" />
            </button>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (WCAG 2.1.1) */}
            <section className="table-scroll" tabIndex={0} aria-labelledby="table-heading">
              <table>
                <thead>
                  <tr>
                    {[...value.by, ...(value.rows.some((r) => r.source) ? ['source'] : [])].map((k) => (
                      <th key={k} scope="col">
                        {columnLabels[k] ? intl.formatMessage(columnLabels[k]) : k}
                      </th>
                    ))}
                    {['value', 'lower', 'upper', 'numerator', 'denominator'].map((k) => (
                      <th key={k} scope="col">
                        {columnLabels[k] ? intl.formatMessage(columnLabels[k]) : k}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {value.rows.map((r) => (
                    <tr key={JSON.stringify([...value.by.map((k) => r[k]), r.source])}>
                      {[...value.by, ...(value.rows.some((x) => x.source) ? ['source'] : [])].map((k) => (
                        <td key={k} data-i18n-exempt>
                          {r[k] as string}
                        </td>
                      ))}
                      <td>{r.suppressed ? intl.formatMessage({ id: 'indicators.suppressed', defaultMessage: 'withheld' }) : fmt(r.value)}</td>
                      <td>{fmt(r.lower)}</td>
                      <td>{fmt(r.upper)}</td>
                      <td>{fmt(r.numerator)}</td>
                      <td>{fmt(r.denominator)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </section>
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">
              <FormattedMessage id="indicators.notes" defaultMessage="Notes" />
            </h2>
            <ul data-i18n-exempt>
              {value.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

/** The map's table from indicator values by unit (the first source when split, e.g. police for 16.1.1). */
function indicatorTable(
  features: { properties: { unit: string; name: string; population: number | null; populationYear: number | null }; geometry: UnitRate['geometry'] }[],
  rows: readonly IndicatorValue[],
  method: Classification,
): RateTable {
  const sources = [...new Set(rows.map((r) => r.source).filter((s): s is string => s !== undefined))].sort();
  const source = sources.includes('police') ? 'police' : sources[0];
  const byUnit = new Map(rows.filter((r) => r.source === source).map((r) => [r.unit, r]));
  const units: UnitRate[] = features.map(({ properties: p, geometry }) => {
    const r = byUnit.get(p.unit);
    const kind: UnitRate['kind'] = !r || r.value === null ? (r?.suppressed ? 'suppressed' : 'noPopulation') : r.value === 0 ? 'zero' : 'rate';
    return { unit: p.unit, name: p.name, geometry, count: r?.numerator ?? null, population: p.population, populationYear: p.populationYear, rate: r?.value ?? null, kind, colourClass: undefined };
  });
  const rates = units.filter((u) => u.kind === 'rate').map((u) => u.rate!);
  const breaks = classBreaks(rates, 5, method);
  for (const u of units) if (u.kind === 'rate') u.colourClass = classOf(u.rate!, breaks);
  return { units, outside: undefined, breaks, ranges: classRanges(rates, breaks), populationYears: [] };
}
