import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designDf, estimateShares, sampleDesign } from '../../core/surveys/design-estimate.ts';

const dir = new URL('../../../test/fixtures/survey/', import.meta.url);
type Golden = { case: string; domain: string; ratio: number; se: number; lower: number; upper: number; respondents: number };
const golden = JSON.parse(readFileSync(new URL('golden.json', dir), 'utf8')) as { tolerance: number; cases: Golden[] };

function csv(name: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(name, dir), 'utf8').trim().split('\n');
  const cols = head!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i]!, v])));
}

/** Runs the estimator on a fixture file: y and d are column names (d absent: everyone), domains from `by`. */
function run(file: string, opts: { y: string; d?: string; by?: string; clustered: boolean }) {
  const rows = csv(file);
  const design = sampleDesign(
    rows.length,
    rows.map((r) => Number(r.weight)),
    rows.map((r) => r.stratum!),
    opts.clustered ? rows.map((r) => r.cluster!) : null,
  );
  const keys = opts.by ? [...new Set(rows.map((r) => r[opts.by!]!))].sort() : ['all'];
  const estimates = estimateShares({
    design,
    y: Uint8Array.from(rows, (r) => Number(r[opts.y])),
    d: Uint8Array.from(rows, (r) => (opts.d ? Number(r[opts.d]) : 1)),
    domain: Int32Array.from(rows, (r) => (opts.by ? keys.indexOf(r[opts.by]!) : 0)),
    domainCount: keys.length,
  });
  return new Map(keys.map((k, i) => [k, estimates[i]!]));
}

function expectCase(name: string, got: Map<string, ReturnType<typeof estimateShares>[number]>) {
  const cases = golden.cases.filter((c) => c.case === name);
  expect(cases.length).toBeGreaterThan(0);
  expect([...got.keys()].sort()).toEqual(cases.map((c) => c.domain).sort());
  for (const c of cases) {
    const e = got.get(c.domain)!;
    expect(e.share!).toBeCloseTo(c.ratio, 12);
    expect(Math.abs(e.se! - c.se)).toBeLessThan(golden.tolerance);
    expect(Math.abs(e.lower! - c.lower)).toBeLessThan(golden.tolerance);
    expect(Math.abs(e.upper! - c.upper)).toBeLessThan(golden.tolerance);
    expect(e.respondents).toBe(c.respondents);
  }
}

describe('design-based shares against R survey 4.1.1 (svyratio, confint)', () => {
  it('stratified sample without clusters (apistrat)', () => {
    expectCase('apistrat sch.wide', run('api-strat.csv', { y: 'y', clustered: false }));
    expectCase('apistrat sch.wide by stype', run('api-strat.csv', { y: 'y', by: 'domain', clustered: false }));
  });

  it('a denominator smaller than the sample (awards among schools meeting the target)', () => {
    expectCase('apistrat awards among sch.wide', run('api-strat.csv', { y: 'award', d: 'y', clustered: false }));
  });

  it('one-stage cluster sample (apiclus1), domains kept in the design', () => {
    expectCase('apiclus1 awards', run('api-clus1.csv', { y: 'y', clustered: true }));
    expectCase('apiclus1 awards by stype', run('api-clus1.csv', { y: 'y', by: 'domain', clustered: true }));
  });

  it('stratified cluster sample with a lonely PSU (synthetic safety survey)', () => {
    expectCase('synthetic safe', run('safety-synthetic.csv', { y: 'safe', clustered: true }));
    expectCase('synthetic safe by sex', run('safety-synthetic.csv', { y: 'safe', by: 'sex', clustered: true }));
    expectCase('synthetic reported among victims', run('safety-synthetic.csv', { y: 'reported', d: 'victim', clustered: true }));
    expectCase('synthetic reported among victims by sex', run('safety-synthetic.csv', { y: 'reported', d: 'victim', by: 'sex', clustered: true }));
  });

  it('design degrees of freedom are PSUs minus strata', () => {
    const design = sampleDesign(4, null, ['a', 'a', 'b', 'b'], ['1', '2', '1', '1']);
    expect(designDf(design)).toBe(1);
  });

  it('a domain without respondents has no estimate', () => {
    const design = sampleDesign(3, [1, 2, 3], null, null);
    const [a, b] = estimateShares({ design, y: Uint8Array.of(1, 0, 1), d: Uint8Array.of(1, 1, 1), domain: Int32Array.of(0, 0, 0), domainCount: 2 });
    expect(a!.share).toBeCloseTo(4 / 6, 12);
    expect(b!.share).toBeNull();
    expect(b!.respondents).toBe(0);
  });
});
