import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { SMALL_CELL_THRESHOLD } from '../privacy/small-cells.ts';
import type { AreaStatistic, DensityRow, EmergingRow, GlobalStatistic } from './analysis.ts';
import type { HotspotMethod } from './hotspot-query.ts';
import type { KnoxResult } from './knox.ts';

/** The parameters used, as the output reports them (strings as written in the CLI). */
export type HotspotParameters = {
  method: HotspotMethod;
  grid: string;
  weights: string;
  transform: 'binary' | 'row';
  variable: 'count' | 'rate';
  permutations: number;
  seed: number;
  from: string | null;
  to: string | null;
  iccs: string | null;
  bandwidth: number | null;
  distance: number | null;
  days: number | null;
  suggestedH3: number | null;
  exact: boolean;
};

type Common = { parameters: HotspotParameters; notes: string[] };
type Geometry = Polygon | MultiPolygon;

export type HotspotResult =
  | (Common & {
      kind: 'areas';
      idColumn: 'unit' | 'cell';
      rows: (AreaStatistic & { geometry: Geometry })[];
      global: GlobalStatistic | null;
      islands: string[];
    })
  | (Common & { kind: 'density'; rows: (Omit<DensityRow, 'density'> & { density: number | null; geometry: Geometry })[] })
  | (Common & {
      kind: 'emerging';
      idColumn: 'unit' | 'cell';
      rows: (Omit<EmergingRow, 'category'> & { category: EmergingRow['category'] | 'suppressed'; geometry: Geometry })[];
    })
  | (Common & { kind: 'knox'; knox: Omit<KnoxResult, 'table'> & { table: Record<keyof KnoxResult['table'], number | null> } });

const small = (n: number | null) => n !== null && n > 0 && n < SMALL_CELL_THRESHOLD;

/**
 * The public version (DESIGN §6): no figure rests on fewer records than the threshold. Areas holding 1 to 4
 * records show no value or statistic and the class `suppressed`; density cells whose kernel covers 1 to 4 records
 * show no density; emerging categories of areas with 1 to 4 records in the period are withheld; Knox pair counts
 * from 1 to 4 are withheld. Record counts themselves are never shown publicly.
 */
export function publicResult(r: HotspotResult): HotspotResult {
  const parameters = { ...r.parameters, exact: false };
  const note = `Public figures: areas, cells and kernels resting on 1 to ${SMALL_CELL_THRESHOLD - 1} records are not shown.`;
  const notes = [...r.notes, note];
  switch (r.kind) {
    case 'areas':
      return {
        ...r,
        parameters,
        notes,
        rows: r.rows.map((row) =>
          small(row.records)
            ? { ...row, records: Number.NaN, value: null, statistic: null, z: null, p: null, pFdr: null, class: 'suppressed' as const }
            : { ...row, records: Number.NaN },
        ),
      };
    case 'density':
      return { ...r, parameters, notes, rows: r.rows.map((row) => ({ ...row, density: small(row.support) ? null : row.density, support: Number.NaN })) };
    case 'emerging':
      return {
        ...r,
        parameters,
        notes,
        rows: r.rows.map((row) => ({ ...row, records: Number.NaN, category: small(row.records) ? 'suppressed' : row.category })),
      };
    case 'knox': {
      const t = r.knox.table;
      const hide = (v: number | null) => (small(v) ? null : v);
      return {
        ...r,
        parameters,
        notes,
        knox: { ...r.knox, table: { closeBoth: hide(t.closeBoth), closeSpace: hide(t.closeSpace), closeTime: hide(t.closeTime), neither: hide(t.neither) } },
      };
    }
    default: {
      const never: never = r;
      throw new Error(`unknown result ${String(never)}`);
    }
  }
}

const cell = (v: number | string | null | undefined) => (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? '' : String(v));

/**
 * CSV rows, header first (one header row, nothing but data after it), from the GeoJSON answer, so that the API and
 * a CLI talking to a running server write the same file.
 */
export function resultCsv(g: HotspotGeoJson): string[][] {
  const props = g.features.map((f) => (f.properties ?? {}) as Record<string, unknown>);
  const idColumn = props.some((p) => 'unit' in p) ? 'unit' : 'cell';
  const table = (columns: string[]) => [columns, ...props.map((p) => columns.map((c) => cell(p[c] as number | string | null)))];
  switch (g.parameters.method) {
    case 'gi':
    case 'gistar':
    case 'lisa':
      return table([idColumn, 'value', 'statistic', 'z', 'p', 'p_fdr', 'class']);
    case 'kde':
      return table(['cell', 'lon', 'lat', 'density']);
    case 'emerging':
      return table([idColumn, 'category', 'hot_steps', 'cold_steps', 'trend_tau', 'trend_p']);
    case 'knox': {
      const k = g.knox as HotspotResultOf<'knox'>['knox'];
      const t = k.table;
      const p = cell(k.p);
      return [
        ['space', 'time', 'pairs', 'expected', 'p'],
        ['close', 'close', cell(t.closeBoth), cell(k.expected), p],
        ['close', 'not_close', cell(t.closeSpace), '', p],
        ['not_close', 'close', cell(t.closeTime), '', p],
        ['not_close', 'not_close', cell(t.neither), '', p],
      ];
    }
    default: {
      const never: never = g.parameters.method;
      throw new Error(`unknown method ${String(never)}`);
    }
  }
}

type HotspotResultOf<K extends HotspotResult['kind']> = Extract<HotspotResult, { kind: K }>;

export type HotspotGeoJson = FeatureCollection<Geometry | Point | null> & {
  parameters: HotspotParameters;
  notes: string[];
  global?: GlobalStatistic | null;
  islands?: string[];
  knox?: unknown;
};

/** GeoJSON: one feature per area or cell; parameters, notes and global figures as foreign members. */
export function resultGeoJson(r: HotspotResult): HotspotGeoJson {
  const base = { type: 'FeatureCollection' as const, parameters: r.parameters, notes: r.notes };
  const nan = (v: number) => (Number.isNaN(v) ? null : v);
  switch (r.kind) {
    case 'areas':
      return {
        ...base,
        global: r.global,
        islands: r.islands,
        features: r.rows.map(
          ({ geometry, ...x }): Feature<Geometry> => ({
            type: 'Feature',
            geometry,
            properties: {
              [r.idColumn]: x.id,
              records: nan(x.records),
              population: x.population,
              value: x.value,
              statistic: x.statistic,
              z: x.z,
              p: x.p,
              p_fdr: x.pFdr,
              class: x.class,
            },
          }),
        ),
      };
    case 'density':
      return {
        ...base,
        features: r.rows.map(({ geometry, ...x }): Feature<Geometry> => ({ type: 'Feature', geometry, properties: { cell: x.id, lon: x.lon, lat: x.lat, density: x.density, records: nan(x.support) } })),
      };
    case 'emerging':
      return {
        ...base,
        features: r.rows.map(
          ({ geometry, ...x }): Feature<Geometry> => ({
            type: 'Feature',
            geometry,
            properties: { [r.idColumn]: x.id, category: x.category, hot_steps: x.hotSteps, cold_steps: x.coldSteps, trend_tau: x.trendTau, trend_p: x.trendP },
          }),
        ),
      };
    case 'knox':
      return { ...base, knox: r.knox, features: [] };
    default: {
      const never: never = r;
      throw new Error(`unknown result ${String(never)}`);
    }
  }
}
