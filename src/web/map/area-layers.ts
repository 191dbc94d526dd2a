// Areas drawn on the map (a choropleth of administrative units): a fill coloured by each area's
// own `fill`, a hatched fill for areas without a colour (e.g. no population), outlines, and a
// thicker outline for the area the reader points at or focuses.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';

export type MapArea = {
  id: string;
  geometry: Polygon | MultiPolygon;
  /** A CSS colour; null draws the area hatched. */
  fill: string | null;
};

export const areaSourceId = 'areas';
export const areaFillLayers = ['area-fill', 'area-hatch'];
const highlightLayerId = 'area-highlight';
export const hatchImageId = 'hatch';

type AreaProperties = { id: string; fill: string; hatched: boolean };

export function areasToGeoJson(areas: readonly MapArea[]): FeatureCollection<Polygon | MultiPolygon, AreaProperties> {
  return {
    type: 'FeatureCollection',
    features: areas.map(
      (area): Feature<Polygon | MultiPolygon, AreaProperties> => ({
        type: 'Feature',
        properties: { id: area.id, fill: area.fill ?? '#e0e0e0', hatched: area.fill === null },
        geometry: area.geometry,
      }),
    ),
  };
}

export const areaSource: SourceSpecification = {
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
};

export function highlightFilter(id: string | undefined): FilterSpecification {
  return ['==', ['get', 'id'], id ?? ''];
}

export const areaLayers: LayerSpecification[] = [
  {
    id: 'area-fill',
    type: 'fill',
    source: areaSourceId,
    filter: ['!', ['get', 'hatched']],
    paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.9 },
  },
  {
    id: 'area-hatch',
    type: 'fill',
    source: areaSourceId,
    filter: ['get', 'hatched'],
    paint: { 'fill-pattern': hatchImageId },
  },
  {
    id: 'area-outline',
    type: 'line',
    source: areaSourceId,
    paint: { 'line-color': '#52606d', 'line-width': 0.6 },
  },
  {
    id: highlightLayerId,
    type: 'line',
    source: areaSourceId,
    filter: highlightFilter(undefined),
    paint: { 'line-color': '#c2410c', 'line-width': 3 },
  },
];

export { highlightLayerId };

/** Diagonal dark lines on light grey, 12 × 12 pixels, as RGBA for `map.addImage`. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const line = (x + y) % 6 < 2;
      const [r, g, b] = line ? [0x52, 0x60, 0x6d] : [0xe4, 0xe7, 0xeb];
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** West, south, east, north of all the areas; undefined when there is none. */
export function areasBounds(areas: readonly MapArea[]): [number, number, number, number] | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') {
      const [x, y] = coords as number[];
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    } else if (Array.isArray(coords)) {
      for (const c of coords) visit(c);
    }
  };
  for (const area of areas) visit(area.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : undefined;
}
