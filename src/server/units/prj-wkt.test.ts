import { describe, expect, it } from 'vitest';
import { resolveCrs } from '../../core/geo/reproject.ts';
import { loadEpsgTable } from './epsg-table.ts';

/** CRS detection from .prj / GeoPackage WKT with the EPSG table: proj4 first, then AUTHORITY, then name. */
const table = loadEpsgTable();

// The .prj ArcGIS writes for NAD83 / California zone 3 (US feet): ESRI WKT 1, no AUTHORITY.
const esri2227 =
  'PROJCS["NAD_1983_StatePlane_California_III_FIPS_0403_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",6561666.666666666],PARAMETER["False_Northing",1640416.666666667],PARAMETER["Central_Meridian",-120.5],PARAMETER["Standard_Parallel_1",37.06666666666667],PARAMETER["Standard_Parallel_2",38.43333333333333],PARAMETER["Latitude_Of_Origin",36.5],UNIT["Foot_US",0.3048006096012192]]';
const esriWgs84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
// A projection proj4 does not know, so only the AUTHORITY (or the name) can say what this is.
const unreadable = (name: string, authority = '') =>
  `PROJCS["${name}",GEOGCS["GCS_Something",DATUM["D_Something",SPHEROID["S",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],PROJECTION["Nowhere_Projection"],UNIT["Meter",1]${authority}]`;

describe('EPSG names', () => {
  it('matches ESRI names to EPSG names', () => {
    expect(table.byName('WGS_1984_UTM_Zone_33N')?.code).toBe(32633);
    expect(table.byName('British_National_Grid')?.code).toBe(27700);
    expect(table.byName('GCS_WGS_1984')?.code).toBe(4326);
    expect(table.byName('NAD_1983_UTM_Zone_10N')?.code).toBe(26910);
  });
});

describe('.prj WKT to WGS 84', () => {
  const sf: [number, number] = [5996647.00005143, 2088056.00003367];

  it('lets proj4 read ESRI WKT itself, matching EPSG:2227', () => {
    const fromWkt = resolveCrs({ kind: 'wkt', wkt: esri2227 }, table, sf).toWgs84(...sf);
    const fromEpsg = resolveCrs({ kind: 'epsg', code: 2227 }, table).toWgs84(...sf);
    expect(fromWkt[0]).toBeCloseTo(fromEpsg[0], 8);
    expect(fromWkt[1]).toBeCloseTo(fromEpsg[1], 8);
  });

  it('reads a WGS 84 geographic WKT as no transformation', () => {
    expect(resolveCrs({ kind: 'wkt', wkt: esriWgs84 }, table).identity).toBe(true);
  });

  it('falls back to the AUTHORITY code when proj4 cannot read the WKT', () => {
    const crs = resolveCrs({ kind: 'wkt', wkt: unreadable('Whatever', ',AUTHORITY["EPSG","27700"]') }, table, [651409.903, 313177.27]);
    expect(crs.label).toBe('EPSG:27700 (OSGB36 / British National Grid)');
  });

  it('falls back to the name when there is no AUTHORITY', () => {
    const crs = resolveCrs({ kind: 'wkt', wkt: unreadable('NAD_1983_UTM_Zone_10N') }, table, [551000, 4180000]);
    expect(crs.label).toBe('EPSG:26910 (NAD83 / UTM zone 10N)');
  });

  it('uses the EPSG table for a WKT that needs a grid file (epsg-index style)', () => {
    const wkt = 'PROJCS["OSGB36 / British National Grid",GEOGCS["OSGB36",DATUM["OSGB_1936",SPHEROID["Airy 1830",6377563.396,299.3249646],EXTENSION["PROJ4_GRIDS","OSTN15_NTv2_OSGBtoETRS.gsb"]]],PROJECTION["Transverse_Mercator"],UNIT["metre",1],AUTHORITY["EPSG","27700"]]';
    const crs = resolveCrs({ kind: 'wkt', wkt }, table, [651409.903, 313177.27]);
    expect(crs.label).toMatch(/^EPSG:27700/);
  });

  it('says so when nothing matches', () => {
    expect(() => resolveCrs({ kind: 'wkt', wkt: unreadable('My_Local_Grid') }, table, [1, 2])).toThrow(/"My_Local_Grid" cannot be read/);
  });
});
