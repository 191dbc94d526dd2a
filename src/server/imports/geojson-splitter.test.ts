import { describe, expect, it } from 'vitest';
import { FeatureSplitter } from './geojson-splitter.ts';

const doc = JSON.stringify({
  type: 'FeatureCollection',
  name: 'a "features" trap: { [',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84', features: [1] } },
  features: [
    { type: 'Feature', properties: { note: 'brace } and bracket ] and quote \\" inside' }, geometry: { type: 'Point', coordinates: [1, 2] } },
    { type: 'Feature', properties: { nested: { features: [{ a: 1 }] } }, geometry: null },
  ],
  bbox: [0, 0, 1, 1],
});

function split(text: string, size: number): unknown[] {
  const s = new FeatureSplitter();
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.end());
  return out.map((f) => JSON.parse(f));
}

describe('GeoJSON feature splitter', () => {
  it('yields each feature of the collection, whatever the chunk boundaries', () => {
    const expected = (JSON.parse(doc) as { features: unknown[] }).features;
    for (const size of [1, 2, 3, 7, 64, doc.length]) expect(split(doc, size), String(size)).toEqual(expected);
  });

  it('yields a bare Feature', () => {
    const f = { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [3, 4] } };
    expect(split(JSON.stringify(f), 5)).toEqual([f]);
    expect(split('{"type":"Topology"}', 5)).toEqual([]);
  });
});
