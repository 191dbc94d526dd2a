import { FormattedMessage, useIntl } from 'react-intl';
import { type Classification, classifications } from './classify.ts';
import { classColour, type RateTable, suppressedColour, zeroColour } from './unit-rates.ts';

type Props = {
  table: RateTable;
  method: Classification;
  onMethodChange: (method: Classification) => void;
};

function Swatch({ colour, hatched = false }: { colour?: string; hatched?: boolean }) {
  return (
    <span
      className={hatched ? 'swatch swatch-hatched' : 'swatch'}
      style={colour ? { backgroundColor: colour } : undefined}
      aria-hidden="true"
    />
  );
}

/** The legend of the choropleth: its classes with their ranges, how they were made, and the other fills. */
export function ChoroplethLegend({ table, method, onMethodChange }: Props) {
  const intl = useIntl();
  const rate = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 1 });
  const kinds = new Set(table.units.map((u) => u.kind));
  const methodLabels: Record<Classification, string> = {
    quantile: intl.formatMessage({ id: 'city.legend.method.quantile', defaultMessage: 'Quantiles' }),
    jenks: intl.formatMessage({ id: 'city.legend.method.jenks', defaultMessage: 'Natural breaks (Jenks)' }),
  };

  return (
    <section className="legend" aria-labelledby="legend-title">
      <h3 id="legend-title">
        <FormattedMessage id="city.legend.title" defaultMessage="Incidents per 100,000 residents" />
      </h3>
      <p className="legend-method">
        {table.ranges.length === 0 ? (
          <FormattedMessage id="city.legend.noRates" defaultMessage="No unit has a rate above zero in this selection." />
        ) : method === 'quantile' ? (
          <FormattedMessage
            id="city.legend.quantileNote"
            defaultMessage="{classes, plural, one {# class} other {# classes}} by quantiles of the non-zero rates: each holds about the same number of units."
            values={{ classes: table.ranges.length }}
          />
        ) : (
          <FormattedMessage
            id="city.legend.jenksNote"
            defaultMessage="{classes, plural, one {# class} other {# classes}} by natural breaks (Jenks) of the non-zero rates: units with similar rates are grouped."
            values={{ classes: table.ranges.length }}
          />
        )}
      </p>
      <ul className="legend-items">
        {table.ranges.map((range, i) => (
          <li key={`${range.min}-${range.max}`}>
            <Swatch colour={classColour(i, table.ranges.length)} />
            {range.min === range.max ? (
              rate(range.min)
            ) : (
              <FormattedMessage
                id="city.legend.range"
                defaultMessage="{min} to {max}"
                values={{ min: rate(range.min), max: rate(range.max) }}
              />
            )}
          </li>
        ))}
        {kinds.has('zero') && (
          <li>
            <Swatch colour={zeroColour} />
            <FormattedMessage id="city.legend.zero" defaultMessage="none recorded" />
          </li>
        )}
        {kinds.has('suppressed') && (
          <li>
            <Swatch colour={suppressedColour} />
            <FormattedMessage id="city.legend.suppressed" defaultMessage="count suppressed (fewer than 5)" />
          </li>
        )}
        {kinds.has('noPopulation') && (
          <li>
            <Swatch hatched />
            <FormattedMessage id="city.legend.noPopulation" defaultMessage="no population" />
          </li>
        )}
      </ul>
      <div className="field">
        <label htmlFor="legend-method">
          <FormattedMessage id="city.legend.method" defaultMessage="Classes" />
        </label>
        <select
          id="legend-method"
          value={method}
          onChange={(event) => onMethodChange(event.target.value as Classification)}
        >
          {classifications.map((m) => (
            <option key={m} value={m}>
              {methodLabels[m]}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
