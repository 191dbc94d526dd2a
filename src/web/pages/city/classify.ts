// Class breaks of a choropleth: quantiles (the same number of units in each class) or Jenks
// natural breaks (Fisher's exact optimisation: the least squared deviation within classes).
// Pure maths, used on the non-zero rates only.

export const classifications = ['quantile', 'jenks'] as const;
export type Classification = (typeof classifications)[number];

/** One class: the smallest and largest value in it (both inclusive). */
export type ClassRange = { min: number; max: number };

/** Upper bounds of at most `k` classes over `values`, ascending, the last one the maximum. */
export function classBreaks(values: readonly number[], k: number, method: Classification): number[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || k < 1) return [];
  const distinct = new Set(sorted).size;
  const classes = Math.min(k, distinct);
  const breaks = method === 'quantile' ? quantileBreaks(sorted, classes) : jenksBreaks(sorted, classes);
  return [...new Set(breaks)];
}

function quantileBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) breaks.push(sorted[Math.ceil((i * n) / k) - 1]!);
  breaks.push(sorted[n - 1]!);
  return breaks;
}

/** Fisher–Jenks by dynamic programming, O(k·n²): fine for the hundreds of units of a city. */
function jenksBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  // lower[l][j]: first index (1-based) of the last class when the first l values form j classes.
  const lower = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  for (let j = 1; j <= k; j++) {
    lower[1]![j] = 1;
    cost[1]![j] = 0;
  }
  for (let l = 2; l <= n; l++) {
    let sum = 0;
    let squares = 0;
    let variance = 0;
    for (let m = 1; m <= l; m++) {
      const first = l - m + 1;
      const value = sorted[first - 1]!;
      sum += value;
      squares += value * value;
      variance = squares - (sum * sum) / m;
      const before = first - 1;
      if (before === 0) continue;
      for (let j = 2; j <= k; j++) {
        const candidate = variance + cost[before]![j - 1]!;
        if (cost[l]![j]! >= candidate) {
          lower[l]![j] = first;
          cost[l]![j] = candidate;
        }
      }
    }
    lower[l]![1] = 1;
    cost[l]![1] = variance;
  }
  const breaks = new Array<number>(k);
  let end = n;
  for (let j = k; j >= 1; j--) {
    breaks[j - 1] = sorted[end - 1]!;
    end = lower[end]![j]! - 1;
  }
  return breaks;
}

/** The class (0-based) of a value: the first whose upper bound it does not exceed. */
export function classOf(value: number, breaks: readonly number[]): number {
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length - 1 : i;
}

/** The smallest and largest value actually in each class, for the legend. */
export function classRanges(values: readonly number[], breaks: readonly number[]): ClassRange[] {
  const ranges: ClassRange[] = breaks.map(() => ({ min: Infinity, max: -Infinity }));
  for (const value of values) {
    const range = ranges[classOf(value, breaks)];
    if (!range) continue;
    range.min = Math.min(range.min, value);
    range.max = Math.max(range.max, value);
  }
  return ranges.filter((r) => r.min <= r.max);
}
