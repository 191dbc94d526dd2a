import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../../../test/support/cli.ts';

/** Three square units in a row (C stays empty) and seven rows: two rejected, one outside every unit. */
const square = (code: string, x: number) => ({
  type: 'Feature',
  properties: { code, name: `Unit ${code}` },
  geometry: { type: 'Polygon', coordinates: [[[x, -1.3], [x + 0.1, -1.3], [x + 0.1, -1.2], [x, -1.2], [x, -1.3]]] },
});
const units = { type: 'FeatureCollection', features: [square('A', 36.8), square('B', 36.9), square('C', 37.0)] };
const incidents = `id,date,lon,lat,type
1,2024-01-05 10:00,36.85,-1.25,robbery
2,2024-01-06 11:00,36.86,-1.26,robbery
3,2024-02-01 00:30,36.87,-1.27,assault
4,2024-02-02 12:00,36.95,-1.25,robbery
5,2024-02-03 12:00,40.0,-1.25,robbery
6,2024-02-30 12:00,36.95,-1.25,robbery
7,2024-02-04 12:00,36.95,-1.25,theft
`;
const profile = {
  source: 'police',
  id: 'id',
  occurredAt: { date: 'date', format: 'yyyy-MM-dd HH:mm' },
  location: { lon: 'lon', lat: 'lat' },
  category: { column: 'type', map: { robbery: '0401', assault: '0201' } },
};

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer incidents and safer imports', { timeout: 240_000 }, () => {
  const root = `${inject('testRoot')}/cli-incidents-${process.pid}`;
  const env = { SAFER_DATA_DIR: `${root}/data` };
  const path = (name: string) => `${root}/${name}`;

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(path('units.geojson'), JSON.stringify(units));
    writeFileSync(path('incidents.csv'), incidents);
    writeFileSync(path('profile.json'), JSON.stringify(profile));
    writeFileSync(path('bad-profile.json'), JSON.stringify({ ...profile, occurredAt: { date: 'date', format: 'yyyy-MM-dd', time: 'x' } }));
    expect((await runCli(['city', 'add', 'nairobi', '--name', 'Nairobi', '--country', 'KEN', '--timezone', 'Africa/Nairobi'], env)).code).toBe(0);
    const u = await runCli(['units', 'import', 'nairobi', path('units.geojson'), '--id', 'code', '--name', 'name'], env);
    expect(u.code, u.stderr).toBe(0);
  });

  it('exits non-zero, naming the cause, when the import cannot run', async () => {
    const bad = await runCli(['incidents', 'import', 'nairobi', path('incidents.csv'), '--profile', path('bad-profile.json')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/occurredAt\.format: must read the time of day/);
    const missing = await runCli(['incidents', 'import', 'nairobi', path('nope.csv'), '--profile', path('profile.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: no such file/);
    const city = await runCli(['incidents', 'import', 'atlantis', path('incidents.csv'), '--profile', path('profile.json')], env);
    expect(city.code).toBe(1);
    expect(city.stderr).toMatch(/No city with slug "atlantis"/);
  });

  it('imports with rejected rows, prints the totals and the report path, and exits 0', async () => {
    const run = await runCli(['incidents', 'import', 'nairobi', path('incidents.csv'), '--profile', path('profile.json'), '--format', 'json'], env);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.totals).toEqual({ read: 7, imported: 5, updated: 0, unchanged: 0, rejected: 2, outside: 1 });
    expect(run.stderr).toContain(`import ${out.batch} complete: read 7, imported 5, updated 0, unchanged 0, rejected 2, outside 1`);
    expect(run.stderr).toContain(`rejected rows (2): ${out.rejections}`);
    expect(readFileSync(out.rejections, 'utf8')).toBe(
      'line,field,value,reason\n7,date,2024-02-30 12:00,"date does not match the format ""yyyy-MM-dd HH:mm"""\n8,type,theft,category not in the profile map\n',
    );
  });

  it('writes the summary CSV exactly: one header, sorted rows, zero rows for empty units, outside last', async () => {
    const byUnit = await runCli(['incidents', 'summary', 'nairobi', '--by', 'unit'], env);
    expect(byUnit.code, byUnit.stderr).toBe(0);
    expect(byUnit.stdout).toBe('unit,count\nA,3\nB,1\nC,0\noutside,1\n');
    const byUnitIccs = await runCli(['incidents', 'summary', 'nairobi', '--by', 'unit,iccs'], env);
    expect(byUnitIccs.stdout).toBe('unit,iccs,count\nA,0201,1\nA,0401,2\nB,0201,0\nB,0401,1\nC,0201,0\nC,0401,0\noutside,0401,1\n');
    const monthSex = await runCli(['incidents', 'summary', 'nairobi', '--by', 'month,sex,age', '--from', '2024-01-06', '--iccs', '04'], env);
    expect(monthSex.stdout).toBe('month,sex,age,count\n2024-01,unknown,unknown,1\n2024-02,unknown,unknown,2\n');
    expect(monthSex.stderr).toMatch(/Africa\/Nairobi/);
    const bad = await runCli(['incidents', 'summary', 'nairobi', '--by', 'colour', '--from', '2024-13-01'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--by/);
    expect(bad.stderr).toMatch(/--from/);
  });

  describe('while the server holds the data directory', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      server = await startServer({ ...env, SAFER_DEMO: '0', SAFER_JOB_POLL_MS: '50' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('uploads through the API, follows the job, and changes nothing on a re-import', async () => {
      const run = await runCli(['incidents', 'import', 'nairobi', path('incidents.csv'), '--profile', path('profile.json'), '--format', 'json'], env);
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.totals).toEqual({ read: 7, imported: 0, updated: 0, unchanged: 5, rejected: 2, outside: 0 });
      expect(readFileSync(out.rejections, 'utf8').split('\n')[1]).toMatch(/^7,date,/);
      const byUnit = await runCli(['incidents', 'summary', 'nairobi', '--by', 'unit'], env);
      expect(byUnit.stdout).toBe('unit,count\nA,3\nB,1\nC,0\noutside,1\n');
    });

    it('says why an upload is refused', async () => {
      const bad = await runCli(['incidents', 'import', 'nairobi', path('incidents.csv'), '--profile', path('bad-profile.json')], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/occurredAt\.format/);
    });

    it('lists and undoes imports through the API', async () => {
      const list = await runCli(['imports', 'list', 'nairobi', '--format', 'json'], env);
      const imports = JSON.parse(list.stdout) as { id: number; status: string; imported: number }[];
      expect(imports.map((b) => b.status)).toEqual(['complete', 'complete']);
      const first = imports.at(-1)!;
      const undo = await runCli(['imports', 'undo', String(first.id)], env);
      expect(undo.code, undo.stderr).toBe(0);
      expect(undo.stderr).toContain(`import ${first.id} undone`);
      const byUnit = await runCli(['incidents', 'summary', 'nairobi', '--by', 'unit'], env);
      expect(byUnit.stdout).toBe('unit,count\nA,0\nB,0\nC,0\n');
    });
  });
});
