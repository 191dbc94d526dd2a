// The platform's one map component, on MapLibre GL JS. It needs no basemap and makes no request
// outside our origin: its worker, its right-to-left text plugin and its fonts are files Vite emits.
import {
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
import { labelLayerId, type MapLabel, mapStyle } from './map-style.ts';

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
  labels: MapLabel[];
  center: [number, number];
  zoom: number;
  /** The map's accessible name. */
  title: string;
};

type MapState = 'loading' | 'idle' | 'unavailable';

export function SaferMap({ labels, center, zoom, title }: Props) {
  const intl = useIntl();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('loading');
  const [renderedLabels, setRenderedLabels] = useState(0);
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
    const { labels, center, zoom, locale } = JSON.parse(options) as Props & {
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
    map.on('idle', () => {
      setRenderedLabels(map.queryRenderedFeatures({ layers: [labelLayerId] }).length);
      setRtlStatus(getRTLTextPluginStatus());
      setState('idle');
    });
    return () => map.remove();
  }, [options]);

  return (
    <div className="safer-map-frame">
      <div
        ref={container}
        className="safer-map"
        data-map-state={state}
        data-rendered-labels={renderedLabels}
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
