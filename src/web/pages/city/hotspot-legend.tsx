import { FormattedMessage, useIntl } from 'react-intl';
import type { HotspotAnswer } from '../../api/client.ts';
import { classColour, hotspotClasses, lisaClasses, type MapClass } from './hotspot-colours.ts';

function Swatch({ colour }: { colour: string | null }) {
  return (
    <span
      className={colour ? 'swatch' : 'swatch swatch-hatched'}
      style={colour ? { backgroundColor: colour } : undefined}
      aria-hidden="true"
    />
  );
}

/** What the colours mean, how sure we are, and the parameters used. */
export function HotspotLegend({ answer }: { answer: HotspotAnswer }) {
  const intl = useIntl();
  const p = answer.parameters;
  const lisa = p.method === 'lisa';
  const labels: Record<MapClass, string> = {
    hot_99: intl.formatMessage({ id: 'hotspots.class.hot99', defaultMessage: 'Hot spot, 99 % confidence' }),
    hot_95: intl.formatMessage({ id: 'hotspots.class.hot95', defaultMessage: 'Hot spot, 95 % confidence' }),
    hot_90: intl.formatMessage({ id: 'hotspots.class.hot90', defaultMessage: 'Hot spot, 90 % confidence' }),
    not_significant: intl.formatMessage({ id: 'hotspots.class.notSignificant', defaultMessage: 'Not significant' }),
    cold_90: intl.formatMessage({ id: 'hotspots.class.cold90', defaultMessage: 'Cold spot, 90 % confidence' }),
    cold_95: intl.formatMessage({ id: 'hotspots.class.cold95', defaultMessage: 'Cold spot, 95 % confidence' }),
    cold_99: intl.formatMessage({ id: 'hotspots.class.cold99', defaultMessage: 'Cold spot, 99 % confidence' }),
    high_high: intl.formatMessage({ id: 'hotspots.class.highHigh', defaultMessage: 'High among high (cluster)' }),
    high_low: intl.formatMessage({ id: 'hotspots.class.highLow', defaultMessage: 'High among low (outlier)' }),
    low_high: intl.formatMessage({ id: 'hotspots.class.lowHigh', defaultMessage: 'Low among high (outlier)' }),
    low_low: intl.formatMessage({ id: 'hotspots.class.lowLow', defaultMessage: 'Low among low (cluster)' }),
  };
  const classes = lisa ? lisaClasses : hotspotClasses;
  const counts = new Map<string, number>();
  for (const f of answer.features) counts.set(f.properties.class, (counts.get(f.properties.class) ?? 0) + 1);
  const hatched = answer.features.filter((f) => classColour(f.properties.class) === null).length;

  return (
    <section className="legend" aria-labelledby="hotspot-legend-title">
      <h3 id="hotspot-legend-title">
        <FormattedMessage id="hotspots.legend.title" defaultMessage="What the colours mean" />
      </h3>
      <p className="legend-method">
        {lisa ? (
          <FormattedMessage
            id="hotspots.legend.lisa"
            defaultMessage="Local Moran's I compares each area with its neighbours: clusters are areas like their neighbours, outliers unlike them."
          />
        ) : (
          <FormattedMessage
            id="hotspots.legend.gi"
            defaultMessage="Getis–Ord Gi* compares incidents in and around each area with the whole city: red areas sit in concentrations of incidents (hot spots), blue ones in areas with fewer than expected (cold spots)."
          />
        )}
      </p>
      <ul className="legend-items">
        {classes.map((c) => (
          <li key={c}>
            <Swatch colour={classColour(c)} />
            <FormattedMessage
              id="hotspots.legend.item"
              defaultMessage="{label}: {areas, plural, one {# area} other {# areas}}"
              values={{ label: labels[c], areas: counts.get(c) ?? 0 }}
            />
          </li>
        ))}
        <li>
          <Swatch colour={null} />
          <FormattedMessage
            id="hotspots.legend.hatched"
            defaultMessage="Not shown (fewer than 5 records on a public map, no neighbour, or no population): {areas, plural, one {# area} other {# areas}}"
            values={{ areas: hatched }}
          />
        </li>
      </ul>
      <p className="help">
        <FormattedMessage
          id="hotspots.legend.confidence"
          defaultMessage="How sure we are: confidence comes from the p-value after the Benjamini–Hochberg false-discovery-rate correction, so among areas marked at 95 %, about 5 % or fewer may be false alarms. A hot spot shows where incidents were recorded, not why."
        />
      </p>
      <h3 id="hotspot-parameters-title">
        <FormattedMessage id="hotspots.parameters.title" defaultMessage="Parameters used" />
      </h3>
      <dl className="hotspot-parameters" aria-labelledby="hotspot-parameters-title">
        <dt>
          <FormattedMessage id="hotspots.parameters.grid" defaultMessage="Areas" />
        </dt>
        <dd translate="no" data-i18n-exempt>
          {p.grid}
        </dd>
        <dt>
          <FormattedMessage id="hotspots.parameters.weights" defaultMessage="Neighbours" />
        </dt>
        <dd>
          <span translate="no" data-i18n-exempt>
            {p.weights}
          </span>
          {', '}
          {p.transform === 'row' ? (
            <FormattedMessage id="hotspots.transform.row" defaultMessage="row-standardised" />
          ) : (
            <FormattedMessage id="hotspots.transform.binary" defaultMessage="binary weights" />
          )}
        </dd>
        <dt>
          <FormattedMessage id="hotspots.parameters.variable" defaultMessage="Variable" />
        </dt>
        <dd>
          {p.variable === 'rate' ? (
            <FormattedMessage id="hotspots.variable.rate" defaultMessage="Rate per 100,000 residents" />
          ) : (
            <FormattedMessage id="hotspots.variable.count" defaultMessage="Number of incidents" />
          )}
        </dd>
        {lisa && (
          <>
            <dt>
              <FormattedMessage id="hotspots.parameters.permutations" defaultMessage="Permutations (seed)" />
            </dt>
            <dd>
              {intl.formatNumber(p.permutations)} ({p.seed})
            </dd>
          </>
        )}
        <dt>
          <FormattedMessage id="hotspots.parameters.figures" defaultMessage="Figures" />
        </dt>
        <dd>
          {p.exact ? (
            <FormattedMessage id="hotspots.parameters.exact" defaultMessage="Exact (you may see this city's exact figures)" />
          ) : (
            <FormattedMessage id="hotspots.parameters.public" defaultMessage="Public: areas resting on fewer than 5 records are not shown" />
          )}
        </dd>
      </dl>
    </section>
  );
}
