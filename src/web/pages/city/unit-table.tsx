import { type ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CountText, RateText } from './unit-figures.tsx';
import type { UnitRate } from './unit-rates.ts';

const columns = ['unit', 'name', 'count', 'population', 'rate'] as const;
type Column = (typeof columns)[number];
type Sort = { column: Column; descending: boolean };

type Props = {
  units: UnitRate[];
  outside: number | null | undefined;
  caption: ReactNode;
  active: string | undefined;
  onActive: (unit: string | undefined) => void;
};

/** Compares two units on a column; units without a value (suppressed, no population) sort last. */
function comparer(column: Column, collator: Intl.Collator): (a: UnitRate, b: UnitRate) => number {
  if (column === 'unit') return (a, b) => collator.compare(a.unit, b.unit);
  if (column === 'name') return (a, b) => collator.compare(a.name ?? '', b.name ?? '');
  return (a, b) => (a[column] ?? -1) - (b[column] ?? -1);
}

export function sortUnits(units: readonly UnitRate[], sort: Sort, locale: string): UnitRate[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const compare = comparer(sort.column, collator);
  const hasValue = (u: UnitRate) => sort.column === 'unit' || sort.column === 'name' || u[sort.column] !== null;
  const present = units.filter(hasValue).sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)));
  const missing = units.filter((u) => !hasValue(u)).sort(comparer('unit', collator));
  return [...present, ...missing];
}

export function UnitTable({ units, outside, caption, active, onActive }: Props) {
  const intl = useIntl();
  const [sort, setSort] = useState<Sort>({ column: 'unit', descending: false });
  const sorted = sortUnits(units, sort, intl.locale);
  const headings: Record<Column, ReactNode> = {
    unit: <FormattedMessage id="city.column.unit" defaultMessage="Unit code" />,
    name: <FormattedMessage id="city.column.name" defaultMessage="Name" />,
    count: <FormattedMessage id="city.column.count" defaultMessage="Incidents" />,
    population: <FormattedMessage id="city.column.population" defaultMessage="Population" />,
    rate: <FormattedMessage id="city.column.rate" defaultMessage="Per 100,000 residents" />,
  };
  const numeric = (c: Column) => c === 'count' || c === 'population' || c === 'rate';
  const toggle = (column: Column) =>
    setSort((s) => ({ column, descending: s.column === column ? !s.descending : numeric(column) }));

  return (
    <div className="table-scroll">
      <p id="unit-button-help" className="visually-hidden">
        <FormattedMessage id="city.table.unitHelp" defaultMessage="Outlines this unit on the map and shows its figures beside it." />
      </p>
      <table className="data-table unit-table">
        <caption>
          {caption}
          <span className="caption-help">
            <FormattedMessage
              id="city.table.sortHelp"
              defaultMessage="Select a column heading to sort by it; select it again to reverse the order."
            />
          </span>
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c}
                scope="col"
                className={numeric(c) ? 'numeric' : undefined}
                aria-sort={sort.column === c ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button type="button" className="sort-button" onClick={() => toggle(c)}>
                  {headings[c]}
                  <span className="sort-mark" aria-hidden="true">
                    {sort.column === c ? (sort.descending ? '▼' : '▲') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((u) => (
            <tr
              key={u.unit}
              className={u.unit === active ? 'active' : undefined}
              onMouseEnter={() => onActive(u.unit)}
              onFocus={() => onActive(u.unit)}
            >
              <td>
                <button
                  type="button"
                  className="unit-button"
                  aria-pressed={u.unit === active}
                  aria-describedby="unit-button-help"
                  onClick={() => onActive(u.unit)}
                >
                  <code data-i18n-exempt translate="no">
                    {u.unit}
                  </code>
                </button>
              </td>
              <th scope="row" data-i18n-exempt>
                {u.name ?? ''}
              </th>
              <td className="numeric">
                <CountText count={u.count} />
              </td>
              <td className="numeric">
                {u.population === null ? <span aria-hidden="true">—</span> : intl.formatNumber(u.population)}
              </td>
              <td className="numeric">
                <RateText unit={u} />
              </td>
            </tr>
          ))}
        </tbody>
        {outside !== undefined && (
          <tfoot>
            <tr className="outside-row">
              <th scope="row" colSpan={2}>
                <FormattedMessage id="city.table.outside" defaultMessage="Outside the city's units" />
              </th>
              <td className="numeric">
                <CountText count={outside} />
              </td>
              <td />
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
