import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../../../test/support/cli.ts';

const root = new URL('../../../', import.meta.url).pathname;

// Each step starts real processes (a few seconds each on a loaded two-core machine).
describe('safer surveys on a PGlite data directory', { timeout: 240_000 }, () => {
  const dir = `${inject('testRoot')}/surveys-cli-${process.pid}`;
  const env = { SAFER_DATA_DIR: `${dir}/data` };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    expect((await runCli(['city', 'add', 'town', '--name', 'Town', '--country', 'KEN', '--timezone', 'Africa/Nairobi'], env)).code).toBe(0);
    const square = (code: string, x: number) => ({
      type: 'Feature',
      properties: { code, name: code },
      geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
    });
    writeFileSync(`${dir}/units.geojson`, JSON.stringify({ type: 'FeatureCollection', features: [square('N1', 0), square('N2', 1)] }));
    expect((await runCli(['units', 'import', 'town', `${dir}/units.geojson`, '--id', 'code', '--name', 'name'], env)).code).toBe(0);
  });

  it('imports the standard form and an export with the design columns, lists and deletes', async () => {
    const r = await runCli(
      [
        'surveys',
        'import',
        'town',
        '--form',
        `${root}forms/safer-cities-standard-modules.xlsx`,
        '--data',
        `${root}test/fixtures/survey/standard-submissions.csv`,
        '--mapping',
        `${root}forms/safer-cities-standard-modules.mapping.json`,
        '--weight',
        'weight',
        '--strata',
        'stratum',
        '--cluster',
        'cluster',
        '--format',
        'json',
        '--rejections',
        `${dir}/rejected.csv`,
      ],
      env,
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ survey: 1, totals: { read: 151, imported: 148, rejected: 3, outside: 0 }, indicators: ['16.1.3', '16.1.4', '16.3.1', '11.7.2'] });
    expect(r.stderr).toContain('148 imported, 3 rejected');
    expect(readFileSync(`${dir}/rejected.csv`, 'utf8').trim().split('\n')).toHaveLength(4);
    const list = await runCli(['surveys', 'list', 'town'], env);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toBe('id,name,status,imported,rejected,first_date,last_date,indicators,created_at');
    expect(list.stdout).toContain('1,Safer Cities: standard safety modules (unofficial translations),complete,148,3,2026-03-01');
    expect((await runCli(['surveys', 'delete', 'town', '1'], env)).code).toBe(0);
    expect((await runCli(['surveys', 'list', 'town'], env)).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 naming the mapping field when the mapping does not match the form', async () => {
    const mapping = JSON.parse(readFileSync(`${root}forms/safer-cities-standard-modules.mapping.json`, 'utf8'));
    mapping.respondent.sex.choices.woman = 'female';
    writeFileSync(`${dir}/bad.json`, JSON.stringify(mapping));
    const r = await runCli(
      ['surveys', 'import', 'town', '--form', `${root}forms/safer-cities-standard-modules.xlsx`, '--data', `${root}test/fixtures/survey/standard-submissions.csv`, '--mapping', `${dir}/bad.json`],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('respondent.sex.choices.woman: no choice "woman" in list "sex"');
  });

  describe('while a server holds the data directory', () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    beforeAll(async () => {
      server = await startServer({ ...env, SAFER_DEMO: '0', SAFER_JOB_POLL_MS: '50' });
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('uploads the three files through the API, follows the job and lists the survey', async () => {
      const r = await runCli(
        [
          'surveys',
          'import',
          'town',
          '--form',
          `${root}forms/safer-cities-standard-modules.xlsx`,
          '--data',
          `${root}test/fixtures/survey/standard-submissions.csv`,
          '--mapping',
          `${root}forms/safer-cities-standard-modules.mapping.json`,
          '--weight',
          'weight',
          '--format',
          'json',
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.totals).toEqual({ read: 151, imported: 148, rejected: 3, outside: 0 });
      expect(readFileSync(out.rejections, 'utf8').split('\n')[1]).toMatch(/^150,weight,-1,/);
      const list = await runCli(['surveys', 'list', 'town', '--format', 'json'], env);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout).map((s: { id: number; status: string }) => [s.id, s.status])).toEqual([[out.survey, 'complete']]);
    });
  });
});
