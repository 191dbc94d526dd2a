import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { listCities } from '../api/client.ts';
import type { City } from '../api/types.ts';
import { AppLink } from '../components/app-link.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { useCountryName } from '../components/use-country-name.ts';
import { pathOf } from '../use-route.ts';
import { ManageCities } from './manage/manage-cities.tsx';
import { useManager } from './manage/use-manager.ts';

// MapLibre is most of the app's weight: load it only where a map is shown.
const SaferMap = lazy(() => import('../map/safer-map.tsx').then((m) => ({ default: m.SaferMap })));

type Load = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'loaded'; cities: City[] };

/** UN-Habitat's headquarters in Nairobi, home of the Safer Cities Programme. */
const unHabitat = { lon: 36.8148, lat: -1.2335 };

export function CitiesPage() {
  const intl = useIntl();
  const countryName = useCountryName();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const manager = useManager();
  // The city just created: its link takes the focus once listed.
  const [created, setCreated] = useState<City>();
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    listCities(abort.signal).then(
      (cities) => setLoad({ state: 'loaded', cities }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'failed', error });
      },
    );
    return () => abort.abort();
  }, []);

  useEffect(() => {
    if (!created) return;
    const link = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-slug]') ?? [])].find(
      (a) => a.dataset.slug === created.slug,
    );
    link?.focus();
  }, [created]);

  const onCreated = (city: City) => {
    setLoad((current) =>
      current.state === 'loaded'
        ? { state: 'loaded', cities: [...current.cities.filter((c) => c.slug !== city.slug), city] }
        : { state: 'loaded', cities: [city] },
    );
    setCreated(city);
  };

  const collator = new Intl.Collator(intl.locale);
  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="cities.title" defaultMessage="Cities" />
      </h1>
      <p>
        <FormattedMessage
          id="cities.intro"
          defaultMessage="Cities taking part in the platform, each with its own safety observatory."
        />
      </p>
      {load.state === 'loading' && (
        <p role="status">
          <FormattedMessage id="cities.loading" defaultMessage="Loading cities…" />
        </p>
      )}
      {load.state === 'failed' && <ErrorMessage error={load.error} />}
      {load.state === 'loaded' && load.cities.length === 0 && (
        <p className="empty-state">
          <FormattedMessage
            id="cities.empty"
            defaultMessage="No cities yet. An administrator can add one with the {command} command."
            values={{ command: <code data-i18n-exempt translate="no">safer</code> }}
          />
        </p>
      )}
      {load.state === 'loaded' && load.cities.length > 0 && (
        <>
          <p>
            <FormattedMessage
              id="cities.count"
              defaultMessage="{count, plural, one {# city} other {# cities}}"
              values={{ count: load.cities.length }}
            />
          </p>
          <ul className="city-list" ref={list}>
            {[...load.cities]
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((city) => (
                <li key={city.slug}>
                  <AppLink
                    href={pathOf({ page: 'city', slug: city.slug })}
                    className="city-name"
                    data-slug={city.slug}
                    data-i18n-exempt
                    translate="no"
                  >
                    {city.name}
                  </AppLink>{' '}
                  <span className="city-country" data-i18n-exempt>
                    {countryName(city.country)}
                  </span>
                </li>
              ))}
          </ul>
        </>
      )}
      <p role="status" className="updated">
        {created && (
          <FormattedMessage
            id="cities.create.done"
            defaultMessage="The city {name} was created."
            values={{
              name: (
                <span data-i18n-exempt translate="no">
                  {created.name}
                </span>
              ),
            }}
          />
        )}
      </p>
      <ManageCities manager={manager} onCreated={onCreated} />
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">
          <FormattedMessage id="cities.map.title" defaultMessage="Map" />
        </h2>
        <p>
          <FormattedMessage
            id="cities.map.caption"
            defaultMessage="Cities will appear on the map once their boundaries are imported. The marker shows UN-Habitat in Nairobi, home of the Safer Cities Programme."
          />
        </p>
        <Suspense
          fallback={
            <p role="status">
              <FormattedMessage id="map.loading" defaultMessage="Loading the map…" />
            </p>
          }
        >
          <SaferMap
          title={intl.formatMessage({ id: 'cities.map.label', defaultMessage: 'Map of cities' })}
          center={[20, 5]}
          zoom={1.5}
          labels={[
            {
              id: 'un-habitat',
              name: intl.formatMessage({
                id: 'map.place.unHabitat',
                defaultMessage: 'UN-Habitat, Nairobi',
              }),
              ...unHabitat,
            },
          ]}
          />
        </Suspense>
      </section>
    </>
  );
}
