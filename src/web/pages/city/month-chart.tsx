import { FormattedMessage, useIntl } from 'react-intl';
import type { SummaryRow } from '../../api/types.ts';
import { useLocale } from '../../i18n/locale-provider.tsx';
import { directionOf } from '../../i18n/locales.ts';
import { CountText } from './unit-figures.tsx';

type Month = { month: string; count: number | null };

const height = 160;
const barGap = 2;
const axis = 28;

/** Months of the answer in order, each with its count (null where suppressed). */
export function monthsOf(rows: readonly SummaryRow[]): Month[] {
  return rows
    .filter((r): r is SummaryRow & { month: string } => typeof r.month === 'string' && /^\d{4}-\d{2}$/.test(r.month))
    .map((r) => ({ month: r.month, count: r.count }))
    .sort((a, b) => (a.month < b.month ? -1 : 1));
}

function monthDate(month: string): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

/** Recorded incidents per month: an SVG bar chart, described for screen readers, with its data as a table. */
export function MonthChart({ rows }: { rows: readonly SummaryRow[] }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const months = monthsOf(rows);
  if (months.length === 0) {
    return (
      <p className="empty-state">
        <FormattedMessage id="city.months.empty" defaultMessage="No incident recorded in this period." />
      </p>
    );
  }
  const max = Math.max(1, ...months.map((m) => m.count ?? 0));
  const barWidth = Math.max(10, Math.min(96, Math.floor(720 / months.length)));
  const width = months.length * barWidth;
  const label = (month: string, style: 'short' | 'long') =>
    intl.formatDate(monthDate(month), { month: style, year: style === 'short' ? '2-digit' : 'numeric', timeZone: 'UTC' });
  const total = months.reduce((sum, m) => sum + (m.count ?? 0), 0);
  // A label needs about 72 pixels: on narrow bars, label every few months.
  const every = Math.ceil(72 / barWidth);
  const first = months[0]!.month;
  const last = months[months.length - 1]!.month;

  return (
    <figure className="month-chart">
      <p id="month-chart-desc" className="visually-hidden">
        <FormattedMessage
          id="city.months.chartDesc"
          defaultMessage="{months, plural, one {# month} other {# months}} from {first} to {last}; the highest count in a month is {max}. The table below gives every month."
          values={{
            months: months.length,
            first: <time dateTime={first}>{label(first, 'long')}</time>,
            last: <time dateTime={last}>{label(last, 'long')}</time>,
            max: intl.formatNumber(max),
          }}
        />
      </p>
      <svg
        role="img"
        aria-labelledby="month-chart-title"
        aria-describedby="month-chart-desc"
        viewBox={`0 0 ${width} ${height + axis}`}
        width={width}
        height={height + axis}
        className="month-chart-svg"
      >
        <title id="month-chart-title">
          {intl.formatMessage({ id: 'city.months.chartTitle', defaultMessage: 'Recorded incidents per month' })}
        </title>
        <line x1={0} x2={width} y1={height} y2={height} className="month-chart-axis" />
        {months.map((m, i) => {
          const slot = rtl ? months.length - 1 - i : i;
          const x = slot * barWidth + barGap / 2;
          const h = m.count === null ? 0 : Math.max(m.count > 0 ? 1 : 0, (m.count / max) * (height - 8));
          return (
            <g key={m.month}>
              {m.count === null ? (
                <rect x={x} y={height - 6} width={barWidth - barGap} height={6} className="month-bar-suppressed" />
              ) : (
                <rect x={x} y={height - h} width={barWidth - barGap} height={h} className="month-bar" />
              )}
              {i % every === 0 && (
                <text x={x + (barWidth - barGap) / 2} y={height + 18} textAnchor="middle" className="month-chart-label" data-i18n-exempt>
                  {label(m.month, 'short')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <FormattedMessage
          id="city.months.caption"
          defaultMessage="{total, number} incidents recorded in {months, plural, one {# month} other {# months}}."
          values={{ total, months: months.length }}
        />
        {months.some((m) => m.count === null) && (
          <>
            {' '}
            <FormattedMessage
              id="city.months.suppressedNote"
              defaultMessage="Months with a suppressed count are drawn as a low grey bar and not counted in the total."
            />
          </>
        )}
      </figcaption>
      <details>
        <summary>
          <FormattedMessage id="city.months.showTable" defaultMessage="Show the figures as a table" />
        </summary>
        <table className="data-table month-table">
          <caption>
            <FormattedMessage id="city.months.tableCaption" defaultMessage="Recorded incidents per month" />
          </caption>
          <thead>
            <tr>
              <th scope="col"><FormattedMessage id="city.months.month" defaultMessage="Month" /></th>
              <th scope="col" className="numeric"><FormattedMessage id="city.column.count" defaultMessage="Incidents" /></th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row"><time dateTime={m.month}>{label(m.month, 'long')}</time></th>
                <td className="numeric"><CountText count={m.count} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
