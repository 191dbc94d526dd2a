import { describe, expect, it } from 'vitest';
/** PySAL esda's published Getis–Ord values (source, commit and tolerance in the file). */
import ref from '../../../test/fixtures/hotspots/getis-ord-esda.json' with { type: 'json' };
import { globalG, localG } from './getis-ord.ts';
import { distanceBandWeights, fromLists, toLists, transform, withSelf } from './weights.ts';

const close = (actual: Float64Array | number[], expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  for (const [i, e] of expected.entries()) expect(Math.abs((actual[i]! - e) / e)).toBeLessThan(1e-6);
};

describe('Getis–Ord against esda', () => {
  const y = Float64Array.from(ref.y);
  const xs = Float64Array.from(ref.points.map((p) => p[0]!));
  const ys = Float64Array.from(ref.points.map((p) => p[1]!));
  const w = distanceBandWeights(xs, ys, 15);

  it('finds the same distance-band neighbours through the index', () => {
    expect(toLists(w)).toEqual(ref.neighbours_0_based);
  });

  it('pins Gi and Gi* with binary weights (both conventions agree)', () => {
    close(localG(y, w, { star: false }).z, ref.Gi_binary_z);
    close(localG(y, w, { star: false, convention: 'esda' }).z, ref.Gi_binary_z);
    close(localG(y, withSelf(w), { star: true }).z, ref.GiStar_binary_z);
  });

  it('pins row-standardised Gi and Gi* in the esda convention', () => {
    close(localG(y, transform(w, 'row'), { star: false, convention: 'esda' }).z, ref.Gi_rowstd_z);
    close(localG(y, transform(withSelf(w), 'row'), { star: true, convention: 'esda' }).z, ref.GiStar_rowstd_z);
  });

  it('gives the binary z for row-standardised weights in the spdep convention (spdep −1.0137 for point 0)', () => {
    close(localG(y, transform(w, 'row'), { star: false }).z, ref.Gi_binary_z);
    close(localG(y, transform(withSelf(w), 'row'), { star: true }).z, ref.GiStar_binary_z);
  });

  it('pins global G', () => {
    expect(Math.abs(globalG(y, w).G - ref.global_G) / ref.global_G).toBeLessThan(1e-6);
  });

  it('leaves an area without neighbours without a z', () => {
    const lone = fromLists([[1], [0], []]);
    expect(Number.isNaN(localG(Float64Array.from([1, 2, 3]), lone, { star: false }).z[2]!)).toBe(true);
  });
});
