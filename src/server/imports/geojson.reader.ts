import iconv from 'iconv-lite';
import type { Cell, SourceRow } from '../../core/incidents/cells.ts';
import { FeatureSplitter } from './geojson-splitter.ts';
import { splitFirst } from './source-file.ts';

/**
 * GeoJSON (RFC 7946, WGS 84): features streamed one at a time; the header is the property names of the first
 * feature; a row's line is the feature's index + 1; a Point geometry gives the row's point (for
 * `"location": "geometry"`).
 */
export async function openGeoJson(
  input: NodeJS.ReadableStream,
  encoding: string,
): Promise<{ header: string[]; rows: AsyncIterable<SourceRow> }> {
  const features = parsedFeatures(input.pipe(iconv.decodeStream(encoding)));
  const { first, rest } = await splitFirst(features);
  if (!first) return { header: [], rows: empty() };
  const header = Object.keys(first.properties ?? {});
  return { header, rows: toRows(header, first, rest) };
}

type Feature = { properties?: Record<string, unknown> | null; geometry?: { type?: string; coordinates?: unknown } | null };

async function* parsedFeatures(text: AsyncIterable<string | Buffer>): AsyncIterable<Feature> {
  const splitter = new FeatureSplitter();
  let count = 0;
  for await (const chunk of text) {
    for (const f of splitter.push(String(chunk))) {
      count++;
      yield parseFeature(f, count);
    }
  }
  for (const f of splitter.end()) yield parseFeature(f, ++count);
}

function parseFeature(text: string, index: number): Feature {
  try {
    return JSON.parse(text) as Feature;
  } catch (err) {
    throw new Error(`feature ${index} is not valid JSON: ${(err as Error).message}`);
  }
}

async function* toRows(header: string[], first: Feature, rest: AsyncIterable<Feature>): AsyncIterable<SourceRow> {
  let line = 1;
  yield row(header, first, line);
  for await (const f of rest) yield row(header, f, ++line);
}

function row(header: string[], f: Feature, line: number): SourceRow {
  const props = f.properties ?? {};
  const cells = header.map((k) => cell(props[k]));
  const g = f.geometry;
  const c = g?.type === 'Point' && Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : undefined;
  const point = c && typeof c[0] === 'number' && typeof c[1] === 'number' ? ([c[0], c[1]] as const) : null;
  return { line, cells, point };
}

function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

async function* empty(): AsyncIterable<SourceRow> {}
