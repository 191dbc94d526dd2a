import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import blocksJson from '../../../test/fixtures/hotspots/sf-blocks.geojson?raw';
/** R spdep 1.2-7 on the 579 San Francisco block groups (generator and versions in the fixture folder). */
import ref from '../../../test/fixtures/hotspots/spdep-sf-blocks.json' with { type: 'json' };
import { globalG, localG } from './getis-ord.ts';
import { benjaminiHochberg, twoSidedPs } from './inference.ts';
import { globalMoran, localMoran } from './moran.ts';
import { localProjection } from './projection.ts';
import { contiguityWeights, type PlanarArea, toLists, transform, withSelf } from './weights.ts';

const blocks = JSON.parse(blocksJson) as FeatureCollection<MultiPolygon>;
const lonLat: PlanarArea[] = blocks.features.map((f) => f.geometry.coordinates);
const y = Float64Array.from(ref.y as number[]);

const expectClose = (actual: ArrayLike<number>, expected: number[], tol = 1e-8) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    expect(Math.abs(actual[i]! - e) / Math.max(Math.abs(e), 1e-12), `entry ${i}`).toBeLessThan(tol);
  }
};

describe('contiguity against spdep poly2nb', () => {
  it('finds the same queen and rook neighbours in degrees with spdep snap', () => {
    expect(toLists(contiguityWeights(lonLat, 'queen', 1.5e-8))).toEqual(ref.queen);
    expect(toLists(contiguityWeights(lonLat, 'rook', 1.5e-8))).toEqual(ref.rook);
  });

  it('finds them again in a local projection in metres with the default tolerance', () => {
    const proj = localProjection(-122.44, 37.76);
    const metres = lonLat.map((a) => a.map((p) => p.map((r) => r.map(([x, y]) => proj.forward(x!, y!)))));
    expect(toLists(contiguityWeights(metres, 'queen'))).toEqual(ref.queen);
    expect(toLists(contiguityWeights(metres, 'rook'))).toEqual(ref.rook);
  });
});

describe("Moran's I against spdep", () => {
  const queen = contiguityWeights(lonLat, 'queen', 1.5e-8);
  const row = transform(queen, 'row');

  it('pins global I and its moments under normality and randomisation', () => {
    const m = globalMoran(y, row);
    expectClose([m.I, m.expected, m.varianceRandom, m.varianceNormal], [
      ref.moran_row.I,
      ref.moran_row.expected,
      ref.moran_row.variance_random,
      ref.moran_row.variance_normal,
    ]);
  });

  it('pins local I, its moments and z under conditional and total randomisation (n scaling, mlvar = TRUE)', () => {
    const l = localMoran(y, row);
    expectClose(l.I, ref.localmoran_row_total.Ii);
    expectClose(l.expected, ref.localmoran_row_total.E);
    expectClose(l.variance, ref.localmoran_row_total.Var);
    expectClose(l.z, ref.localmoran_row_total.Z);
    expectClose(l.I, ref.localmoran_row_conditional.Ii);
    expectClose(l.expectedConditional, ref.localmoran_row_conditional.E);
    expectClose(l.varianceConditional, ref.localmoran_row_conditional.Var);
    expectClose(l.zConditional, ref.localmoran_row_conditional.Z);
  });

  it("gives spdep's two-sided p, Pr(z != E(Ii)), under conditional and total randomisation", () => {
    const l = localMoran(y, transform(contiguityWeights(lonLat, 'queen', 1.5e-8), 'row'));
    expectClose(twoSidedPs(l.zConditional), ref.localmoran_row_conditional.P, 1e-7);
    expectClose(twoSidedPs(l.z), ref.localmoran_row_total.P, 1e-7);
  });

  it('gives esda’s (n − 1)/n scaling, which is spdep’s mlvar = FALSE', () => {
    const l = localMoran(y, row, 'n-1');
    expectClose(l.I, ref.localmoran_row_mlvar_false.Ii);
    const n = y.length;
    const spdep = localMoran(y, row, 'n');
    expectClose(l.I, Array.from(spdep.I, (v) => (v * (n - 1)) / n));
  });
});

describe('Getis–Ord against spdep on real polygons', () => {
  const queen = contiguityWeights(lonLat, 'queen', 1.5e-8);

  it('pins Gi and Gi* z, binary and row-standardised (spdep convention)', () => {
    expectClose(localG(y, queen, { star: false }).z, ref.localG_binary);
    expectClose(localG(y, transform(queen, 'row'), { star: false }).z, ref.localG_row);
    expectClose(localG(y, withSelf(queen), { star: true }).z, ref.localGstar_binary);
    expectClose(localG(y, transform(withSelf(queen), 'row'), { star: true }).z, ref.localGstar_row);
  });

  it('pins the Benjamini–Hochberg adjusted p-values of R p.adjust', () => {
    expectClose(benjaminiHochberg(twoSidedPs(localG(y, queen, { star: false }).z)), ref.localG_binary_p_bh, 1e-7);
  });

  it('pins global G and its moments (globalG.test)', () => {
    const g = globalG(y, queen);
    expectClose([g.G, g.expected, g.variance], [ref.globalG_binary.G, ref.globalG_binary.expected, ref.globalG_binary.variance]);
  });
});
