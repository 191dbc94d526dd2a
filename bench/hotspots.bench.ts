// Hotspot statistics (issue: hotspot analysis). Two figures, each with a baseline measured in the same run:
//   1. Gi* over 100,000 resolution-10 H3 cells with the first k-ring as neighbourhood (H3's own hierarchical grid is
//      the spatial index: gridDisk finds each cell's ring without looking at any other cell). Baseline: a naive
//      all-pairs Gi* that tests every pair of cells by centroid distance (neighbours = centres closer than 1.5 × the
//      spacing of adjacent centres, which is the first ring on a hexagonal grid), run on a 5,000-cell disc of the
//      same grid and scaled to 100,000 cells by (100,000 / 5,000)² = 400, since its work grows with the square of
//      the cells. Goal: ≥ 50× faster. On the sample both must give the same neighbours and z (exit 1 otherwise).
//   2. Local Moran's I with 999 seeded conditional permutations over 10,000 synthetic units (a 100 × 100 grid of
//      irregular quadrilaterals, bench/support/synthetic.ts) with queen contiguity, row-standardised; printed with
//      its time beside the analytic local Moran on the same units.
//   npx tsx bench/hotspots.bench.ts
import { cellToLatLng, gridDiskDistances, latLngToCell } from 'h3-js';
import { localG } from '../src/core/hotspots/getis-ord.ts';
import { localMoran } from '../src/core/hotspots/moran.ts';
import { localMoranPermutations } from '../src/core/hotspots/permutation.ts';
import { localProjection } from '../src/core/hotspots/projection.ts';
import { contiguityWeights, h3RingWeights, toLists, transform, withSelf } from '../src/core/hotspots/weights.ts';
import { median, printTable, rng, timed, unitGrid } from './support/synthetic.ts';

const CELLS = 100_000;
const SAMPLE = 5_000;
const GOAL = 50;
const rand = rng(42);

// 100,000 cells: the nearest rings around a centre in Nairobi (the synthetic city), nearest first.
const centre = latLngToCell(-1.3, 36.8, 10);
const rings = gridDiskDistances(centre, 183).flat();
const cells = rings.slice(0, CELLS);
const counts = Float64Array.from(cells, () => Math.floor(-Math.log(1 - rand()) * 3));

const neighbourRuns: number[] = [];
const giRuns: number[] = [];
let z: ArrayLike<number> = [];
for (let r = 0; r < 5; r++) {
  const w = await timed(() => withSelf(h3RingWeights(cells, 1)));
  neighbourRuns.push(w.ms);
  const g = await timed(() => localG(counts, w.value, { star: true }));
  giRuns.push(g.ms);
  z = g.value.z;
}
const neighboursMs = median(neighbourRuns);
const giMs = median(giRuns);

// Naive all-pairs on the first 5,000 cells (a disc), in a local projection.
const sample = cells.slice(0, SAMPLE);
const [lat0, lng0] = cellToLatLng(centre);
const proj = localProjection(lng0, lat0);
const xs = new Float64Array(SAMPLE);
const ys = new Float64Array(SAMPLE);
sample.forEach((c, i) => {
  const [lat, lng] = cellToLatLng(c);
  [xs[i], ys[i]] = proj.forward(lng, lat);
});
const spacing = Math.hypot(xs[1]! - xs[0]!, ys[1]! - ys[0]!); // cells[1] is in the first ring of the centre
const sampleCounts = counts.subarray(0, SAMPLE);

function naiveGiStar(): { z: Float64Array; lists: number[][] } {
  const n = SAMPLE;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    sum += sampleCounts[i]!;
    sum2 += sampleCounts[i]! ** 2;
  }
  const mean = sum / n;
  const s = Math.sqrt(sum2 / n - mean * mean);
  const out = new Float64Array(n);
  const lists: number[][] = [];
  const limit = 1.5 * spacing;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let W = 0;
    const list: number[] = [];
    for (let j = 0; j < n; j++) {
      if (Math.hypot(xs[j]! - xs[i]!, ys[j]! - ys[i]!) <= limit) {
        lag += sampleCounts[j]!;
        W++;
        if (j !== i) list.push(j);
      }
    }
    lists.push(list);
    out[i] = (lag - W * mean) / (s * Math.sqrt((n * W - W * W) / (n - 1)));
  }
  return { z: out, lists };
}
const naiveRuns: number[] = [];
let naive = naiveGiStar();
for (let r = 0; r < 3; r++) {
  const t = await timed(naiveGiStar);
  naiveRuns.push(t.ms);
  naive = t.value;
}
const naiveMs = median(naiveRuns);
const naiveScaled = naiveMs * (CELLS / SAMPLE) ** 2;

// The same computation through the ring weights on the sample must agree.
const fastSample = withSelf(h3RingWeights(sample, 1));
const fastZ = localG(sampleCounts, fastSample, { star: true }).z;
const sameNeighbours = JSON.stringify(toLists(h3RingWeights(sample, 1))) === JSON.stringify(naive.lists);
let maxDz = 0;
for (let i = 0; i < SAMPLE; i++) maxDz = Math.max(maxDz, Math.abs(fastZ[i]! - naive.z[i]!));

// Local Moran, 999 permutations, 10,000 units.
const units = unitGrid(100, 100);
const polygons = units.map((u) => [u.geometry.coordinates]);
const contiguity = await timed(() => contiguityWeights(polygons, 'queen', 1e-9));
const w = transform(contiguity.value, 'row');
const y = Float64Array.from(units, (_, i) => Math.floor(-Math.log(1 - rand()) * 4) + (i % 100 < 20 && i < 2000 ? 5 : 0));
localMoran(y, w); // warm-up
const analytic = await timed(() => localMoran(y, w));
const l = analytic.value;
const m2 = l.centred.reduce((a, v) => a + v * v, 0) / y.length;
localMoranPermutations(y, w, l.I, { permutations: 19, seed: 1, m2 }); // warm-up
const perm = await timed(() => localMoranPermutations(y, w, l.I, { permutations: 999, seed: 1, m2 }));
const significant = perm.value.p.filter((p) => p <= 0.05).length;

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
console.log(`H3 cells: ${cells.length.toLocaleString('en')} (resolution 10, k-ring 1; ${toLists(h3RingWeights(cells.slice(0, 7), 1))[0]!.length} ring neighbours of the centre among the first 7)`);
console.log(`Gi* on the 5,000-cell sample: same neighbours as all pairs: ${sameNeighbours}; largest |Δz| ${maxDz.toExponential(1)}`);
console.log(
  `Gi* over 100,000 cells: ring neighbours ${ms(neighboursMs)}, statistic ${ms(giMs)} (${ms((giMs * 10_000) / CELLS)} per 10,000 cells); ${Array.from(z).filter((v) => Math.abs(v) > 1.96).length} cells at |z| > 1.96`,
);
console.log(`naive all pairs: ${ms(naiveMs)} on 5,000 cells × 400 = ${ms(naiveScaled)} for 100,000 (scaled)`);
console.log(
  `local Moran, 10,000 units, queen (${w.neighbours.length / 10_000} neighbours on average; contiguity ${ms(contiguity.ms)}): analytic ${ms(analytic.ms)}, 999 permutations ${ms(perm.ms)}; ${significant} units at p ≤ 0.05`,
);
const total = neighboursMs + giMs;
printTable([
  {
    what: 'Gi* 100,000 H3 cells, ring 1 (neighbours + statistic)',
    figure: ms(total),
    baseline: `${ms(naiveScaled)} (naive, scaled)`,
    ratio: `${(naiveScaled / total).toFixed(0)}×`,
    goal: `≥ ${GOAL}×`,
    met: naiveScaled / total >= GOAL ? 'yes' : 'no',
  },
  {
    what: 'local Moran 999 permutations, 10,000 units',
    figure: ms(perm.ms),
    baseline: `${ms(analytic.ms)} (analytic)`,
    ratio: `${(perm.ms / analytic.ms).toFixed(0)}× the analytic`,
    goal: 'printed',
    met: '-',
  },
]);
if (!sameNeighbours || maxDz > 1e-9) {
  console.error('the ring weights and the all-pairs computation disagree on the sample');
  process.exit(1);
}
