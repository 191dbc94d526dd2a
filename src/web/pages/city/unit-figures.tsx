import { FormattedMessage, useIntl } from 'react-intl';
import type { UnitRate } from './unit-rates.ts';

/** A count as the reader sees it: a number, or "fewer than 5" where a public answer suppresses it. */
export function CountText({ count }: { count: number | null }) {
  const intl = useIntl();
  if (count === null) {
    return (
      <span className="suppressed">
        <FormattedMessage id="city.count.suppressed" defaultMessage="fewer than {threshold, number}" values={{ threshold: 5 }} />
      </span>
    );
  }
  return <>{intl.formatNumber(count)}</>;
}

export function RateText({ unit }: { unit: UnitRate }) {
  const intl = useIntl();
  if (unit.rate !== null) return <>{intl.formatNumber(unit.rate, { maximumFractionDigits: 1 })}</>;
  if (unit.kind === 'noPopulation') {
    return <FormattedMessage id="city.rate.noPopulation" defaultMessage="no population" />;
  }
  return <span aria-hidden="true">—</span>;
}

/** The figures of the unit the reader points at on the map or focuses in the table. */
export function UnitFigures({ unit }: { unit: UnitRate | undefined }) {
  const intl = useIntl();
  return (
    <div className="unit-figures" aria-live="polite">
      {unit ? (
        <>
          <p className="unit-figures-name">
            <span data-i18n-exempt>{unit.name ?? unit.unit}</span>{' '}
            <code data-i18n-exempt translate="no">
              {unit.unit}
            </code>
          </p>
          <dl>
            <dt>
              <FormattedMessage id="city.column.count" defaultMessage="Incidents" />
            </dt>
            <dd>
              <CountText count={unit.count} />
            </dd>
            <dt>
              <FormattedMessage id="city.column.population" defaultMessage="Population" />
            </dt>
            <dd>
              {unit.population === null ? (
                <FormattedMessage id="city.rate.noPopulation" defaultMessage="no population" />
              ) : (
                intl.formatNumber(unit.population)
              )}
            </dd>
            <dt>
              <FormattedMessage id="city.column.rate" defaultMessage="Per 100,000 residents" />
            </dt>
            <dd>
              <RateText unit={unit} />
            </dd>
          </dl>
        </>
      ) : (
        <p className="help">
          <FormattedMessage
            id="city.map.hint"
            defaultMessage="Point at a unit on the map, or move to a unit in the table, to see its figures."
          />
        </p>
      )}
    </div>
  );
}
