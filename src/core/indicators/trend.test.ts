import { describe, expect, it } from 'vitest';
import golden from './fixtures/poisson-trend.json' with { type: 'json' };
import { fitPoissonTrend, progressStatus, projectRate } from './trend.ts';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('Poisson trend by IRLS', () => {
  it.each(golden.cases)('matches R glm for "$name"', (c) => {
    const fit = fitPoissonTrend(c.year.map((year, i) => ({ year, count: c.count[i]!, population: c.population[i]! })));
    expect(fit).toBeDefined();
    expect(rel(fit!.b0, c.b0)).toBeLessThan(1e-7);
    expect(rel(fit!.b1, c.b1)).toBeLessThan(1e-6);
    expect(rel(fit!.se0, c.se0)).toBeLessThan(1e-6);
    expect(rel(fit!.se1, c.se1)).toBeLessThan(1e-6);
    expect(Math.abs(fit!.deviance - c.deviance)).toBeLessThan(1e-6);
    const p = projectRate(fit!, c.target_year);
    expect(rel(p.value, c.projected)).toBeLessThan(1e-6);
    expect(rel(p.lower, c.lower)).toBeLessThan(1e-6);
    expect(rel(p.upper, c.upper)).toBeLessThan(1e-6);
  });

  it('fits nothing from one year, or from zeros only', () => {
    expect(fitPoissonTrend([{ year: 2020, count: 4, population: 1000 }])).toBeUndefined();
    expect(
      fitPoissonTrend([
        { year: 2020, count: 0, population: 1000 },
        { year: 2021, count: 0, population: 1000 },
      ]),
    ).toBeUndefined();
  });
});

describe('progress status', () => {
  it('is on track when the projection reaches a lower target', () => {
    expect(progressStatus({ value: 1.6, lower: 1.0, upper: 2.7 }, 5, 2)).toBe('on_track');
  });
  it('is off track when the whole interval misses the target', () => {
    expect(progressStatus({ value: 4, lower: 3, upper: 5 }, 5, 2)).toBe('off_track');
    expect(progressStatus({ value: 50, lower: 40, upper: 60 }, 50, 80)).toBe('off_track');
  });
  it('is uncertain when the point misses but the interval covers the target', () => {
    expect(progressStatus({ value: 2.5, lower: 1.5, upper: 4 }, 5, 2)).toBe('uncertain');
  });
  it('has no status without a projection', () => {
    expect(progressStatus(undefined, 5, 2)).toBe('no_data');
  });
});
