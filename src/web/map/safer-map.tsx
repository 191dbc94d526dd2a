// The platform's one map component, on MapLibre GL JS. It needs no basemap and makes no request
// outside our origin: its worker, its right-to-left text plugin and its fonts are files Vite emits.
import {
  type GeoJSONSource,
  getRTLTextPluginStatus,
  Map as MapLibreMap,
  NavigationControl,
  setRTLTextPlugin,
  setWorkerUrl,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import rtlTextPluginUrl from 'virtual:rtl-text-plugin-url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  areaFillLayers,
  areaSourceId,
  areasBounds,
  areasToGeoJson,
  hatchImage,
  hatchImageId,
  highlightFilter,
  highlightLayerId,
  type MapArea,
} from './area-layers.ts';
import { labelLayerId, type MapLabel, mapStyle } from './map-style.ts';

export type { MapArea } from './area-layers.ts';

let configured = false;

/** Once per page: the worker and the RTL plugin come from our origin, the plugin when needed. */
function configureMapLibre(): void {
  if (configured) return;
  configured = true;
  setWorkerUrl(workerUrl);
  setRTLTextPlugin(rtlTextPluginUrl, true).catch((error: unknown) => {
    console.error('RTL text plugin failed to load', error);
  });
}

type Props = {
  labels?: MapLabel[];
  center?: [number, number];
  zoom?: number;
  /** The map's accessible name. */
  title: string;
  /** Areas to draw (e.g. a choropleth); the map fits them whenever their extent changes. */
  areas?: readonly MapArea[];
  /** The id of the area to outline. */
  highlight?: string | undefined;
  /** Called with the id of the area under the pointer, or undefined when it leaves them. */
  onAreaHover?: (id: string | undefined) => void;
};

type MapState = 'loading' | 'idle' | 'unavailable';

export function SaferMap({ labels = [], center = [0, 0], zoom = 1, title, areas, highlight, onAreaHover }: Props) {
  const intl = useIntl();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | undefined>(undefined);
  const fitted = useRef('');
  const hover = useRef(onAreaHover);
  hover.current = onAreaHover;
  const [state, setState] = useState<MapState>('loading');
  const [styleReady, setStyleReady] = useState(false);
  const [renderedLabels, setRenderedLabels] = useState(0);
  const [renderedAreas, setRenderedAreas] = useState(0);
  const [rtlStatus, setRtlStatus] = useState('unavailable');

  // The controls' labels, in the reader's language (MapLibre's own table is English only).
  const locale = {
    'Map.Title': title,
    'NavigationControl.ZoomIn': intl.formatMessage({ id: 'map.zoomIn', defaultMessage: 'Zoom in' }),
    'NavigationControl.ZoomOut': intl.formatMessage({ id: 'map.zoomOut', defaultMessage: 'Zoom out' }),
    'NavigationControl.ResetBearing': intl.formatMessage({
      id: 'map.resetBearing',
      defaultMessage: 'Drag to rotate map, click to reset north',
    }),
  };
  const options = JSON.stringify({ labels, center, zoom, locale });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { labels, center, zoom, locale } = JSON.parse(options) as {
      labels: MapLabel[];
      center: [number, number];
      zoom: number;
      locale: Record<string, string>;
    };
    configureMapLibre();
    setState('loading');
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: element,
        style: mapStyle(labels),
        center,
        zoom,
        locale,
        attributionControl: import.meta.env.VITE_BASEMAP_TILE_URL ? {} : false,
      });
    } catch (error) {
      console.error('Map unavailable', error);
      setState('unavailable');
      return;
    }
    map.addControl(new NavigationControl({ showCompass: false }));
    map.on('styleimagemissing', (event) => {
      if (event.id === hatchImageId && !map.hasImage(hatchImageId)) map.addImage(hatchImageId, hatchImage());
    });
    // A map removed while its style loads may still report it: only the current map counts.
    map.on('load', () => {
      if (mapRef.current === map) setStyleReady(true);
    });
    map.on('mousemove', (event) => {
      if (!hover.current) return;
      const [hit] = map.queryRenderedFeatures(event.point, { layers: areaFillLayers });
      const id = hit?.properties?.id;
      hover.current(typeof id === 'string' ? id : undefined);
      map.getCanvas().style.cursor = hit ? 'crosshair' : '';
    });
    map.on('mouseout', () => hover.current?.(undefined));
    map.on('idle', () => {
      setRenderedLabels(map.queryRenderedFeatures({ layers: [labelLayerId] }).length);
      setRenderedAreas(map.queryRenderedFeatures({ layers: areaFillLayers }).length);
      setRtlStatus(getRTLTextPluginStatus());
      setState('idle');
    });
    mapRef.current = map;
    return () => {
      mapRef.current = undefined;
      fitted.current = '';
      setStyleReady(false);
      map.remove();
    };
  }, [options]);

  // Areas change with the reader's filters: new data for the same map, refitted when the extent moves.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !areas) return;
    const source = map.getSource(areaSourceId);
    if (source?.type !== 'geojson') return;
    (source as GeoJSONSource).setData(areasToGeoJson(areas));
    const bounds = areasBounds(areas);
    const key = JSON.stringify(bounds);
    if (bounds && key !== fitted.current) {
      fitted.current = key;
      map.fitBounds(bounds, { padding: 24, animate: false });
    }
  }, [areas, styleReady]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    const apply = () => map.setFilter(highlightLayerId, highlightFilter(highlight));
    if (map.isStyleLoaded()) apply();
    else map.once('idle', apply);
  }, [highlight, styleReady]);

  return (
    <div className="safer-map-frame">
      <div
        ref={container}
        className="safer-map"
        data-map-state={state}
        data-rendered-labels={renderedLabels}
        data-rendered-areas={renderedAreas}
        data-rtl-text-plugin={rtlStatus}
      />
      {state === 'unavailable' && (
        <p className="notice" role="status">
          <FormattedMessage
            id="map.unavailable"
            defaultMessage="The map cannot be shown in this browser (WebGL is not available)."
          />
        </p>
      )}
    </div>
  );
}
