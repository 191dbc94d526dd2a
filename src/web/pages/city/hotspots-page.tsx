import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { getCity, getHotspots, type HotspotParams } from '../../api/client.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { type MapArea, SaferMap } from '../../map/safer-map.tsx';
import { pathOf } from '../../use-route.ts';
import { classColour } from './hotspot-colours.ts';
import { HotspotLegend } from './hotspot-legend.tsx';
import { latestOf, useLoad } from './use-load.ts';

const grids = ['units', 'h3:7', 'h3:8', 'h3:9', 'h3:10'] as const;

/** The hotspot map of a city: where incidents concentrate, with a legend that says how sure we are. */
export function HotspotsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [params, setParams] = useState<HotspotParams>({ method: 'gistar', grid: 'units', variable: 'count' });
  const city = useLoad(slug, (signal) => getCity(slug, signal));
  const answer = useLoad(JSON.stringify([slug, params]), (signal) => getHotspots(slug, params, signal));
  const shown = latestOf(answer);
  const name = latestOf(city)?.name;
  const title = intl.formatMessage({ id: 'hotspots.title', defaultMessage: 'Hot spots' });
  useDocumentTitle(name ? `${title} – ${name}` : title);
  const areas = useMemo<MapArea[]>(
    () =>
      (shown?.features ?? []).map((f) => ({
        id: f.properties.unit ?? f.properties.cell ?? '',
        geometry: f.geometry,
        fill: classColour(f.properties.class),
      })),
    [shown],
  );
  const set = <K extends keyof HotspotParams>(key: K, value: HotspotParams[K]) => setParams((p) => ({ ...p, [key]: value }));
  const gridLabel = (g: string) =>
    g === 'units'
      ? intl.formatMessage({ id: 'hotspots.grid.units', defaultMessage: 'Administrative units' })
      : intl.formatMessage({ id: 'hotspots.grid.h3', defaultMessage: 'Hexagons, H3 resolution {res}' }, { res: g.slice(3) });

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'city', slug })}>
          <FormattedMessage id="hotspots.backToCity" defaultMessage="Back to the city" />
        </AppLink>
      </p>
      <h1>
        {name ? (
          <FormattedMessage
            id="hotspots.heading"
            defaultMessage="Hot spots in {city}"
            values={{ city: <span data-i18n-exempt translate="no">{name}</span> }}
          />
        ) : (
          title
        )}
      </h1>
      <form className="filters" aria-labelledby="hotspot-form-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="hotspot-form-heading">
          <FormattedMessage id="hotspots.form.title" defaultMessage="Analysis" />
        </h2>
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="hotspot-method">
              <FormattedMessage id="hotspots.form.method" defaultMessage="Method" />
            </label>
            <select id="hotspot-method" value={params.method} onChange={(e) => set('method', e.target.value as HotspotParams['method'])}>
              <option value="gistar">{intl.formatMessage({ id: 'hotspots.method.gistar', defaultMessage: 'Hot spots (Getis–Ord Gi*)' })}</option>
              <option value="gi">{intl.formatMessage({ id: 'hotspots.method.gi', defaultMessage: 'Hot spots around each area (Getis–Ord Gi)' })}</option>
              <option value="lisa">{intl.formatMessage({ id: 'hotspots.method.lisa', defaultMessage: "Clusters and outliers (local Moran's I)" })}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="hotspot-grid">
              <FormattedMessage id="hotspots.form.grid" defaultMessage="Areas" />
            </label>
            <select id="hotspot-grid" value={params.grid} onChange={(e) => set('grid', e.target.value)}>
              {grids.map((g) => (
                <option key={g} value={g}>
                  {gridLabel(g)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="hotspot-variable">
              <FormattedMessage id="hotspots.form.variable" defaultMessage="Variable" />
            </label>
            <select id="hotspot-variable" value={params.variable} onChange={(e) => set('variable', e.target.value as HotspotParams['variable'])}>
              <option value="count">{intl.formatMessage({ id: 'hotspots.variable.count', defaultMessage: 'Number of incidents' })}</option>
              <option value="rate">{intl.formatMessage({ id: 'hotspots.variable.rate', defaultMessage: 'Rate per 100,000 residents' })}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="hotspot-from">
              <FormattedMessage id="city.filters.from" defaultMessage="From (first day)" />
            </label>
            <input id="hotspot-from" type="date" value={params.from ?? ''} onChange={(e) => set('from', e.target.value || undefined)} />
          </div>
          <div className="field">
            <label htmlFor="hotspot-to">
              <FormattedMessage id="city.filters.to" defaultMessage="To (last day)" />
            </label>
            <input id="hotspot-to" type="date" value={params.to ?? ''} onChange={(e) => set('to', e.target.value || undefined)} />
          </div>
        </div>
      </form>
      <p role="status" className="updated">
        {answer.state === 'loading' && <FormattedMessage id="hotspots.loading" defaultMessage="Computing…" />}
      </p>
      {answer.state === 'failed' && <ErrorMessage error={answer.error} />}
      {shown && (
        <div className="choropleth">
          <div className="choropleth-map">
            <SaferMap title={intl.formatMessage({ id: 'hotspots.map.label', defaultMessage: 'Map of hot and cold spots of recorded incidents' })} areas={areas} />
          </div>
          <div className="choropleth-side">
            <HotspotLegend answer={shown} />
          </div>
        </div>
      )}
    </>
  );
}
