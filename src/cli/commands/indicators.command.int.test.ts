import { mkdirSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../../../test/support/cli.ts';

/** Two units; 2023 population; five homicides in A and one in B in 2023, police records. */
const square = (code: string, x: number) => ({
  type: 'Feature',
  properties: { code, name: `Unit ${code}` },
  geometry: { type: 'Polygon', coordinates: [[[x, -1.3], [x + 0.1, -1.3], [x + 0.1, -1.2], [x, -1.2], [x, -1.3]]] },
});
const units = { type: 'FeatureCollection', features: [square('A', 36.8), square('B', 36.9)] };
const population = 'unit,year,sex,age_band,population\nA,2023,total,total,40000\nB,2023,total,total,10000\n';
const incidents = `id,date,ward,type
1,2023-01-05,A,homicide
2,2023-03-06,A,homicide
3,2023-05-01,A,homicide
4,2023-07-02,A,homicide
5,2023-12-31,A,homicide
6,2023-06-03,B,homicide
`;
const profile = {
  source: 'police',
  id: 'id',
  occurredAt: { date: 'date', format: 'yyyy-MM-dd' },
  location: { unit: 'ward' },
  category: { column: 'type', map: { homicide: '0101' } },
};

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer indicators', { timeout: 240_000 }, () => {
  const root = `${inject('testRoot')}/cli-indicators-${process.pid}`;
  const env = { SAFER_DATA_DIR: `${root}/data` };
  const path = (name: string) => `${root}/${name}`;

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(path('units.geojson'), JSON.stringify(units));
    writeFileSync(path('population.csv'), population);
    writeFileSync(path('incidents.csv'), incidents);
    writeFileSync(path('profile.json'), JSON.stringify(profile));
    expect((await runCli(['city', 'add', 'kisumu', '--name', 'Kisumu', '--country', 'KEN', '--timezone', 'Africa/Nairobi'], env)).code).toBe(0);
    for (const args of [
      ['units', 'import', 'kisumu', path('units.geojson'), '--id', 'code', '--name', 'name'],
      ['population', 'import', 'kisumu', path('population.csv')],
      ['incidents', 'import', 'kisumu', path('incidents.csv'), '--profile', path('profile.json')],
    ]) {
      const run = await runCli(args, env);
      expect(run.code, run.stderr).toBe(0);
    }
  });

  it('prints exact rates by unit as CSV, notes on stderr, bounds inclusive', async () => {
    const run = await runCli(['indicators', 'kisumu', '16.1.1', '--by', 'unit', '--from', '2023-01-01', '--to', '2023-12-31', '--format', 'csv'], env);
    expect(run.code, run.stderr).toBe(0);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['unit', 'source', 'value', 'lower', 'upper', 'numerator', 'denominator', 'flags']);
    expect(rows.find((r) => r.unit === 'A')).toMatchObject({ numerator: '5', denominator: '40000', value: '12.5' });
    // The CLI sees exact figures: B's single record is shown.
    expect(rows.find((r) => r.unit === 'B')).toMatchObject({ numerator: '1', value: '10' });
    expect(run.stderr).toContain('exact Poisson');
    const short = await runCli(['indicators', 'kisumu', '16.1.1', '--from', '2023-01-01', '--to', '2023-12-30', '--format', 'json'], env);
    expect((JSON.parse(short.stdout) as { rows: { numerator: number }[] }).rows[0]!.numerator).toBe(5);
  });

  it('lists indicators, and refuses a bad key naming the flag', async () => {
    const list = await runCli(['indicators', 'kisumu', '--list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('16.1.1');
    const bad = await runCli(['indicators', 'kisumu', '16.1.1', '--by', 'colour'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--by/);
  });

  it('asks a running server through its API', async () => {
    const server = await startServer(env);
    try {
      const run = await runCli(['indicators', 'kisumu', 'iccs:0101', '--from', '2023-01-01', '--to', '2023-12-31'], env);
      expect(run.code, run.stderr).toBe(0);
      const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
      expect(rows[0]).toMatchObject({ numerator: '6', denominator: '50000' });
    } finally {
      await server.stop();
    }
  });
});
