import { describe, expect, it } from 'vitest';
import { crsFromGeoJsonMember, normalizeCrsName, parseCrsName, wktEpsgCode, wktName } from './crs.ts';

const esri2227 =
  'PROJCS["NAD_1983_StatePlane_California_III_FIPS_0403_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],UNIT["Foot_US",0.3048006096012192]]';

describe('CRS names', () => {
  it('reads the URN, URL and short forms', () => {
    expect(parseCrsName('urn:ogc:def:crs:OGC:1.3:CRS84')).toEqual({ kind: 'crs84' });
    expect(parseCrsName('urn:ogc:def:crs:OGC::CRS84')).toEqual({ kind: 'crs84' });
    expect(parseCrsName('http://www.opengis.net/def/crs/OGC/1.3/CRS84')).toEqual({ kind: 'crs84' });
    expect(parseCrsName('urn:ogc:def:crs:EPSG::27700')).toEqual({ kind: 'epsg', code: 27700 });
    expect(parseCrsName('urn:ogc:def:crs:EPSG:6.6:2227')).toEqual({ kind: 'epsg', code: 2227 });
    expect(parseCrsName('urn:x-ogc:def:crs:EPSG:3857')).toEqual({ kind: 'epsg', code: 3857 });
    expect(parseCrsName('EPSG:32633')).toEqual({ kind: 'epsg', code: 32633 });
    expect(parseCrsName('http://www.opengis.net/def/crs/EPSG/0/27700')).toEqual({ kind: 'epsg', code: 27700 });
    expect(parseCrsName('http://www.opengis.net/gml/srs/epsg.xml#2154')).toEqual({ kind: 'epsg', code: 2154 });
    // EPSG:4326 in GeoJSON is written longitude first: read as CRS84.
    expect(parseCrsName('urn:ogc:def:crs:EPSG::4326')).toEqual({ kind: 'crs84' });
    expect(parseCrsName('ESRI:102100')).toBeUndefined();
  });

  it('reads the GeoJSON crs member', () => {
    expect(crsFromGeoJsonMember(undefined)).toEqual({ ok: true, crs: { kind: 'crs84' } });
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } })).toEqual({
      ok: true,
      crs: { kind: 'epsg', code: 27700 },
    });
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 3857 } })).toEqual({ ok: true, crs: { kind: 'epsg', code: 3857 } });
    const link = crsFromGeoJsonMember({ type: 'link', properties: { href: 'http://example.com/crs' } });
    expect(link.ok).toBe(false);
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'my local grid' } })).toEqual({
      ok: false,
      reason: 'unknown crs name "my local grid"',
    });
  });

  it('reads the name and the EPSG code of a WKT 1 or WKT 2 definition', () => {
    const wkt1 =
      'PROJCS["OSGB36 / British National Grid",GEOGCS["OSGB36",DATUM["Ordnance_Survey_of_Great_Britain_1936",SPHEROID["Airy 1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4277"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",49],UNIT["metre",1],AUTHORITY["EPSG","27700"]]';
    expect(wktName(wkt1)).toBe('OSGB36 / British National Grid');
    expect(wktEpsgCode(wkt1)).toBe(27700); // the outer AUTHORITY, not the GEOGCS's 4277
    expect(wktEpsgCode('PROJCRS["ETRS89 / UTM zone 32N",BASEGEOGCRS["ETRS89",DATUM["x"]],ID["EPSG",25832]]')).toBe(25832);
    expect(wktEpsgCode(esri2227)).toBeUndefined();
    expect(wktName('GEOGCS["a ""quoted"" name",DATUM["D"]]')).toBe('a "quoted" name');
  });

  it('matches ESRI names to EPSG names', () => {
    expect(normalizeCrsName('NAD_1983_UTM_Zone_10N')).toBe(normalizeCrsName('NAD83 / UTM zone 10N'));
    expect(normalizeCrsName('GCS_WGS_1984')).toBe(normalizeCrsName('WGS 84'));
  });
});

