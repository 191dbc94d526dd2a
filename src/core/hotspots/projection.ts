import proj4 from 'proj4';

/**
 * A local planar projection in metres for distances, grids and contiguity: transverse Mercator centred on the
 * area of interest (scale error under 0.1 % within about 100 km of the centre, enough for a city).
 */
export type LocalProjection = {
  forward: (lon: number, lat: number) => [number, number];
  inverse: (x: number, y: number) => [number, number];
  definition: string;
};

export function localProjection(lon0: number, lat0: number): LocalProjection {
  const definition = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`;
  const p = proj4('EPSG:4326', definition);
  return {
    forward: (lon, lat) => p.forward([lon, lat]) as [number, number],
    inverse: (x, y) => p.inverse([x, y]) as [number, number],
    definition,
  };
}
