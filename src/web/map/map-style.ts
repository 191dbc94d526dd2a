// The map's style: a plain background that needs nothing from anywhere, an optional raster basemap
// when a tile URL is configured at build time (none by default), areas (area-layers.ts), and one
// label layer.
//
// Glyphs. A MapLibre style normally names a `glyphs` URL serving SDF glyph ranges (PBF). The npm
// registry has no package shipping such PBFs (we looked for OpenMapTiles/Protomaps/Noto glyph
// packages), and generating them needs FreeType (fontnik is a native add-on that downloads its
// binary at install time, which we cannot do). MapLibre GL JS 6 instead supports the style's
// `font-faces`: it loads real font files and rasterises the SDF glyphs itself, with the browser's
// text engine. So the style has no `glyphs` URL at all, and `font-faces` points at the Noto Sans,
// Noto Sans Arabic and Noto Sans SC files from the @fontsource packages, which Vite emits into
// dist/web: every glyph comes from our own origin, covering Latin, Cyrillic, Arabic and CJK. A
// codepoint none of them covers is drawn from the browser's own fonts — still no request.

import { mapFontFaces } from 'virtual:map-font-faces';
import type { FeatureCollection, Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { areaLayers, areaSource, areaSourceId } from './area-layers.ts';

export const labelFont = 'Noto Sans Regular';
export const labelLayerId = 'place-labels';

export type MapLabel = { id: string; name: string; lon: number; lat: number };

export function labelsToGeoJson(labels: MapLabel[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: labels.map((label) => ({
      type: 'Feature',
      id: label.id,
      properties: { name: label.name },
      geometry: { type: 'Point', coordinates: [label.lon, label.lat] },
    })),
  };
}

export function mapStyle(labels: MapLabel[]): StyleSpecification {
  const tiles = import.meta.env.VITE_BASEMAP_TILE_URL;
  const basemap: Pick<StyleSpecification, 'sources' | 'layers'> = tiles
    ? {
        sources: {
          basemap: {
            type: 'raster',
            tiles: [tiles],
            tileSize: 256,
            attribution: import.meta.env.VITE_BASEMAP_ATTRIBUTION ?? '',
          },
        },
        layers: [{ id: 'basemap', type: 'raster', source: 'basemap' }],
      }
    : { sources: {}, layers: [] };

  return {
    version: 8,
    'font-faces': { [labelFont]: mapFontFaces },
    sources: {
      ...basemap.sources,
      [areaSourceId]: areaSource,
      places: { type: 'geojson', data: labelsToGeoJson(labels) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f0' } },
      ...basemap.layers,
      ...areaLayers,
      {
        id: 'place-points',
        type: 'circle',
        source: 'places',
        paint: {
          'circle-radius': 6,
          'circle-color': '#0b4f8a',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: labelLayerId,
        type: 'symbol',
        source: 'places',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [labelFont],
          'text-size': 16,
          'text-max-width': 14,
          'text-offset': [0, 1.2],
          'text-anchor': 'top',
        },
        paint: { 'text-color': '#102a43', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
      },
    ],
  };
}
