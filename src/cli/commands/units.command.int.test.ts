import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

const fixtures = new URL('../../../test/fixtures/units/', import.meta.url).pathname;

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer units and safer population on a PGlite data directory', { timeout: 240_000 }, () => {
  const dir = `${inject('testRoot')}/units-cli-${process.pid}`;
  const env = { SAFER_DATA_DIR: `${dir}/data` };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const add = await runCli(['city', 'add', 'sf', '--name', 'San Francisco', '--country', 'USA', '--timezone', 'America/Los_Angeles'], env);
    expect(add.code).toBe(0);
  });

  it('imports block groups with population, prints the summary to stderr and writes the report', async () => {
    const r = await runCli(
      ['units', 'import', 'sf', `${fixtures}sf-block-groups-2010.geojson`, '--id', 'GEO_ID', '--name', 'GEO_displa', '--population', 'Population', '--year', '2010'],
      env,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('read 579, imported 579, updated 0, unchanged 0, flagged 0, skipped 0, repaired 0; population rows 579 for 2010');
    const path = /report \(0 line\(s\)\): (.+)$/m.exec(r.stderr)?.[1];
    expect(readFileSync(path!, 'utf8')).toBe('unit,code,detail\n');
  });

  it('imports a zipped Shapefile as level 2 with its issues in the report, names levels and lists', async () => {
    // --parent NAME: the names are no codes at level 1, so each unit is flagged unknown_parent.
    const shp = await runCli(
      ['units', 'import', 'sf', `${fixtures}sf-4-groups-2227.zip`, '--id', 'GEOID', '--name', 'NAME', '--level', '2', '--parent', 'NAME', '--report', `${dir}/shp.csv`],
      env,
    );
    expect(shp.code).toBe(0);
    expect(shp.stderr).toContain('coordinates read as WKT "NAD_1983_StatePlane_California_III_FIPS_0403_Feet"');
    expect(shp.stderr).toContain('read 4, imported 4, updated 0, unchanged 0, flagged 4');
    expect(shp.stderr).toContain(`report (4 line(s)): ${dir}/shp.csv`);
    const report = readFileSync(`${dir}/shp.csv`, 'utf8').trim().split('\n');
    expect(report[0]).toBe('unit,code,detail');
    expect(report[1]).toBe(
      '1500000US060750314005,unknown_parent,"feature 1: parent Block Group 5, Census Tract 314, San Francisco County, California is not a unit at level 1"',
    );
    const level = await runCli(['units', 'level', 'sf', '1', 'block group'], env);
    expect(level.code).toBe(0);
    const list = await runCli(['units', 'list', 'sf', '--level', '2'], env);
    expect(list.stdout.split('\n')[0]).toBe('unit,name,level,parent,validFromYear,validToYear,areaM2,issues');
    expect(list.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('refuses a missing --year with --population and a missing file, exiting non-zero', async () => {
    const noYear = await runCli(['units', 'import', 'sf', `${fixtures}sf-4-groups-2227.zip`, '--id', 'GEOID', '--name', 'NAME', '--population', 'POP'], env);
    expect(noYear.code).toBe(1);
    expect(noYear.stderr).toContain('--year: --population needs --year');
    const missing = await runCli(['units', 'import', 'sf', `${dir}/nope.geojson`, '--id', 'a', '--name', 'b'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.geojson: no such file');
  });

  it('imports population, reports rejected rows, and exits 0; a bad header exits 1 naming the columns', async () => {
    writeFileSync(`${dir}/pop.csv`, 'unit,year,sex,age_band,population\n1500000US060750314005,2010,female,total,700\nnope,2010,male,total,3\n');
    const ok = await runCli(['population', 'import', 'sf', `${dir}/pop.csv`, '--report', `${dir}/pop-report.csv`], env);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('read 2, imported 1, updated 0, unchanged 0, rejected 1');
    expect(readFileSync(`${dir}/pop-report.csv`, 'utf8')).toBe('line,field,value,reason\n3,unit,nope,no unit with this code in the city\n');
    writeFileSync(`${dir}/bad.csv`, 'unit,year,population\n');
    const bad = await runCli(['population', 'import', 'sf', `${dir}/bad.csv`], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('lacks column(s) sex, age_band');
  });
});
