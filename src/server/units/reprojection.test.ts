import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { mapPositions, resolveCrs } from '../../core/geo/reproject.ts';
import { loadEpsgTable } from './epsg-table.ts';

/** Reprojection (src/core/geo/reproject.ts) with the EPSG table the server loads, against published control points. */
const table = loadEpsgTable();
const epsg = (code: number) => resolveCrs({ kind: 'epsg', code }, table);
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

/** Distance in metres between two lon/lat points, small-distance approximation (enough for tolerances ≤ 1 km). */
function metres([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const k = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon1 - lon2) * k, lat1 - lat2) * 111_195;
}

describe('reprojection to WGS 84 against published control points', () => {
  it('EPSG:2227 NAD83 / California zone 3 (US feet): SFPD incident coordinates, within 1 mm', () => {
    // Source: GeoDa Center data-and-lab (commit 306f174, CC0), SFCrime_July_Dec2012: each record carries the State
    // Plane position (X_pr, Y_pr, US survey feet) and the WGS 84 position (X, Y) the publisher derived from it.
    const controls: [number, number, number, number][] = [
      [5996647.00005143, 2088056.00003367, -122.453457575, 37.7132121535],
      [6010713.8915882, 2113928.65461759, -122.406659517, 37.7850491023],
      [5984703.79939461, 2112455.65131032, -122.496536139, 37.7795150971],
      [6006930.70714421, 2086481.27833887, -122.417801933, 37.709472422],
      [6010528.9999893, 2111998.0000197, -122.407163047, 37.7797376339],
    ];
    const crs = epsg(2227);
    expect(crs.label).toBe('EPSG:2227 (NAD83 / California zone 3 (ftUS))');
    for (const [x, y, lon, lat] of controls) expect(metres(crs.toWgs84(x, y), [lon, lat])).toBeLessThan(0.001);
  });

  it('EPSG:27700 British National Grid: the Ordnance Survey worked example', () => {
    // OS "A guide to coordinate systems in Great Britain", Annex C: OSGB36 52°39′27.2531″N 1°43′4.5177″E is
    // E 651409.903 m, N 313177.270 m. The projection alone must agree to 1 mm.
    const tm = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
    const [e, n] = proj4('+proj=longlat +ellps=airy +no_defs', tm, [dms(1, 43, 4.5177), dms(52, 39, 27.2531)]);
    expect(Math.abs(e! - 651409.903)).toBeLessThan(0.001);
    expect(Math.abs(n! - 313177.27)).toBeLessThan(0.001);
    // To WGS 84 the OSTN15 grid is not shipped; the OS 7-parameter Helmert (EPSG:1314) is used instead. Chris
    // Veness's geodesy library (movable-type.co.uk, OsGridRef docs) gives 52°39′28.723″N 001°42′57.787″E for this
    // grid reference with the same Helmert: agree within 5 cm (its rounding to 0.001″). The Helmert itself is
    // within about 5 m of OSTN15, as the OS guide states; the note says so.
    const crs = epsg(27700);
    expect(metres(crs.toWgs84(651409.903, 313177.27), [dms(1, 42, 57.787), dms(52, 39, 28.723)])).toBeLessThan(0.05);
    expect(crs.notes.join()).toMatch(/Helmert/);
  });

  it('EPSG:3857 Pseudo-Mercator: IOGP Guidance Note 7-2 example, within 1 cm', () => {
    // GN 7-2 §1.3.3.2: 24°22′54.433″N 100°20′00.000″W ↔ E −11 169 055.58 m, N 2 800 000.00 m.
    const [lon, lat] = epsg(3857).toWgs84(-11169055.58, 2800000.0);
    expect(metres([lon, lat], [-dms(100, 20, 0), dms(24, 22, 54.433)])).toBeLessThan(0.01);
  });

  it('UTM zone 18N (EPSG:26718, Clarke 1866): Snyder, Map Projections — A Working Manual, p. 269, within 0.1 m', () => {
    // Snyder's worked example: 40°30′N 73°30′W, central meridian 75°W, k0 0.9996 → x 127 106.5 m (+ 500 000 false
    // easting), y 4 484 124.4 m. Given to 0.1 m. The NAD27 grid is not shipped: the note says the datum shift is
    // ignored, so the inverse is the pure projection on Clarke 1866.
    const crs = epsg(26718);
    expect(metres(crs.toWgs84(627106.5, 4484124.4), [-73.5, 40.5])).toBeLessThan(0.1);
    expect(crs.notes.join()).toMatch(/NTv2_0\.gsb.*ignored/);
    // And WGS 84 / UTM zone 33N by definition: the central meridian on the equator.
    expect(epsg(32633).toWgs84(500000, 0)).toEqual([expect.closeTo(15, 12), expect.closeTo(0, 12)]);
  });

  it('refuses an unknown EPSG code', () => {
    expect(() => epsg(999999)).toThrow(/EPSG:999999/);
  });

  it('maps every position of a geometry', () => {
    const g = mapPositions({ type: 'MultiPolygon', coordinates: [[[[1, 2, 3], [4, 5, 6], [1, 2, 3]]]] }, (x, y) => [x * 10, y * 10]);
    expect(g.coordinates).toEqual([[[[10, 20], [40, 50], [10, 20]]]]);
  });
});
