import Flatbush from 'flatbush';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type KnoxResult = {
  /** Pairs of events by closeness: [close in space and time, close in space only, close in time only, neither]. */
  table: { closeBoth: number; closeSpace: number; closeTime: number; neither: number };
  pairs: number;
  /** Expected close-close pairs if space and time were independent: (space-close · time-close) / pairs. */
  expected: number;
  ratio: number;
  /** Monte Carlo p: (#{simulated ≥ observed} + 1) / (R + 1), event times shuffled over the locations. */
  p: number;
  permutations: number;
};

/**
 * Knox test for near repeats: are events close in space (≤ `distance` metres) also close in time (≤ `days`) more
 * often than chance? Significance by Monte Carlo, shuffling the days among the events with a seeded generator.
 */
export function knoxTest(
  events: { xs: Float64Array; ys: Float64Array; days: Float64Array },
  opts: { distance: number; days: number; permutations: number; seed: number },
): KnoxResult {
  const n = events.xs.length;
  const pairs = (n * (n - 1)) / 2;
  const a: number[] = [];
  const b: number[] = [];
  if (n > 0) {
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) index.add(events.xs[i]!, events.ys[i]!, events.xs[i]!, events.ys[i]!);
    index.finish();
    const d2 = opts.distance * opts.distance;
    for (let i = 0; i < n; i++) {
      const x = events.xs[i]!;
      const y = events.ys[i]!;
      for (const j of index.search(x - opts.distance, y - opts.distance, x + opts.distance, y + opts.distance)) {
        if (j > i && (events.xs[j]! - x) ** 2 + (events.ys[j]! - y) ** 2 <= d2) {
          a.push(i);
          b.push(j);
        }
      }
    }
  }
  const closeInTime = (days: Float64Array) => {
    let c = 0;
    for (let e = 0; e < a.length; e++) if (Math.abs(days[a[e]!]! - days[b[e]!]!) <= opts.days) c++;
    return c;
  };
  const observed = closeInTime(events.days);
  // Pairs close in time, by sorting: it does not change when days are shuffled.
  const sorted = Float64Array.from(events.days).sort();
  let timeClose = 0;
  for (let i = 0, j = 0; i < n; i++) {
    while (sorted[i]! - sorted[j]! > opts.days) j++;
    timeClose += i - j;
  }
  const spaceClose = a.length;
  const rng = xoroshiro128plus(opts.seed);
  const shuffled = Float64Array.from(events.days);
  let atLeast = 0;
  for (let r = 0; r < opts.permutations; r++) {
    for (let i = n - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      const t = shuffled[i]!;
      shuffled[i] = shuffled[j]!;
      shuffled[j] = t;
    }
    if (closeInTime(shuffled) >= observed) atLeast++;
  }
  const expected = pairs > 0 ? (spaceClose * timeClose) / pairs : Number.NaN;
  return {
    table: {
      closeBoth: observed,
      closeSpace: spaceClose - observed,
      closeTime: timeClose - observed,
      neither: pairs - spaceClose - timeClose + observed,
    },
    pairs,
    expected,
    ratio: observed / expected,
    p: (atLeast + 1) / (opts.permutations + 1),
    permutations: opts.permutations,
  };
}
