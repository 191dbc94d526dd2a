import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

const demo = new URL('../../../demo/san-francisco/', import.meta.url).pathname;

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer hotspots on a PGlite data directory', { timeout: 240_000 }, () => {
  const dir = `${inject('testRoot')}/hotspots-cli-${process.pid}`;
  const env = { SAFER_DATA_DIR: `${dir}/data` };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    expect((await runCli(['city', 'add', 'sf', '--name', 'San Francisco', '--country', 'USA', '--timezone', 'America/Los_Angeles'], env)).code).toBe(0);
    const units = await runCli(['units', 'import', 'sf', `${demo}SFCrime_blocks.geojson`, '--id', 'GEO_id2', '--name', 'GEO_displa', '--population', 'Population', '--year', '2010'], env);
    expect(units.code).toBe(0);
    const records = await runCli(['incidents', 'import', 'sf', `${demo}sfcrime2012_sf_robbery.csv`, '--profile', `${demo}profile-robbery.json`], env);
    expect(records.code).toBe(0);
  }, 240_000);

  it('writes one CSV row per unit with the columns of the issue, notes on stderr', async () => {
    const r = await runCli(['hotspots', 'sf', '--method', 'gistar', '--grid', 'units', '--weights', 'queen', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('unit,value,statistic,z,p,p_fdr,class');
    expect(lines).toHaveLength(580);
    expect(r.stderr).toContain('Benjamini–Hochberg');
    expect(r.stderr).toContain('parameters: method=gistar grid=units weights=queen transform=binary variable=count');
  });

  it('writes GeoJSON for an H3 grid with rates, saying the population is interpolated', async () => {
    const r = await runCli(['hotspots', 'sf', '--method', 'gi', '--grid', 'h3:8', '--variable', 'rate', '--format', 'geojson'], env);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(g.type).toBe('FeatureCollection');
    expect(g.features[0].properties.cell).toMatch(/^88/);
    expect(r.stderr).toContain('interpolated from the units by area');
  });

  it('names the flag that cannot work and exits 1', async () => {
    const ring = await runCli(['hotspots', 'sf', '--method', 'gi', '--grid', 'units', '--weights', 'ring:2', '--format', 'csv'], env);
    expect(ring.code).toBe(1);
    expect(ring.stderr).toContain('--weights: ring:2 needs an H3 grid');
    const grid = await runCli(['hotspots', 'sf', '--method', 'gi', '--grid', 'hex', '--format', 'csv'], env);
    expect(grid.code).toBe(1);
    expect(grid.stderr).toContain('--grid: must be units, h3:<7-10> or square:<metres>');
  });
});
