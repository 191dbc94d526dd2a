import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { uniforms } from './test-data.test-support.ts';
import { contiguityWeights, distanceBandWeights, h3RingWeights, knnWeights, toLists, transform, withSelf } from './weights.ts';

const u = uniforms(3);
const n = 400;
const xs = Float64Array.from({ length: n }, () => u() * 1000);
const ys = Float64Array.from({ length: n }, () => u() * 1000);
const dist = (i: number, j: number) => Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);

describe('weights through the spatial index', () => {
  it('matches all pairs for a distance band, islands included', () => {
    const lists = toLists(distanceBandWeights(xs, ys, 60));
    const brute = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => j).filter((j) => j !== i && dist(i, j) <= 60),
    );
    expect(lists).toEqual(brute);
    const w = distanceBandWeights(xs, ys, 60);
    expect(w.islands).toEqual(brute.flatMap((l, i) => (l.length === 0 ? [i] : [])));
  });

  it('matches all pairs for k nearest neighbours', () => {
    const lists = toLists(knnWeights(xs, ys, 5));
    for (let i = 0; i < n; i++) {
      const brute = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i)
        .sort((a, b) => dist(i, a) - dist(i, b))
        .slice(0, 5)
        .sort((a, b) => a - b);
      expect(lists[i]).toEqual(brute);
    }
  });

  it('makes rows sum to one and puts i among its own neighbours for Gi*', () => {
    const w = transform(withSelf(knnWeights(xs, ys, 3)), 'row');
    for (let i = 0; i < n; i++) {
      const row = w.weights.subarray(w.offsets[i]!, w.offsets[i + 1]!);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(toLists(w)[i]).toContain(i);
    }
  });

  it('finds H3 k-ring neighbours inside the grid only', () => {
    const a = latLngToCell(37.77, -122.42, 9);
    const lists = toLists(h3RingWeights([a, latLngToCell(37.9, -122.42, 9)], 1));
    expect(lists).toEqual([[], []]);
    const w = h3RingWeights([a, ...toRing(a)], 1);
    expect(toLists(w)[0]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('tells queen from rook and tolerates a small gap', () => {
    // Four unit squares around (1, 1); the top-right one shifted by 1 mm.
    const sq = (x: number, y: number, d = 0) => [[[[x + d, y + d], [x + 1 + d, y + d], [x + 1 + d, y + 1 + d], [x + d, y + 1 + d], [x + d, y + d]]]];
    const areas = [sq(0, 0), sq(1, 0), sq(0, 1), sq(1, 1, 0.001)];
    expect(toLists(contiguityWeights(areas, 'queen', 0.01))).toEqual([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]]);
    expect(toLists(contiguityWeights(areas, 'rook', 0.01))).toEqual([[1, 2], [0, 3], [0, 3], [1, 2]]);
    expect(toLists(contiguityWeights(areas, 'queen', 0.0001))[3]).toEqual([]);
  });
});

/** The six cells at grid distance 1. */
function toRing(cell: string): string[] {
  return gridDisk(cell, 1).filter((c) => c !== cell);
}
