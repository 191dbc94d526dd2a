import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { estimateShares, sampleDesign } from '../../core/surveys/design-estimate.ts';
import { createServices, type Services } from '../services.ts';

const root = new URL('../../../', import.meta.url);
const formPath = new URL('forms/safer-cities-standard-modules.xlsx', root).pathname;
const mapping = JSON.parse(readFileSync(new URL('forms/safer-cities-standard-modules.mapping.json', root), 'utf8'));
const dataPath = new URL('test/fixtures/survey/standard-submissions.csv', root).pathname;
/** The export parsed on its own, to recompute indicators without the importer. */
const rows = parse(readFileSync(dataPath, 'utf8'), { columns: true, delimiter: ';' }) as Record<string, string>[];
const good = rows.slice(0, -3);

/** 16.1.4 by sex recomputed from the raw export with the core estimator (very safe + safe over everyone). */
function expected1614BySex() {
  const sexOf = (v: string) => (v === 'prefer_not' ? 'unknown' : v);
  const keys = [...new Set(good.map((r) => sexOf(r['respondent/sex']!)))].sort();
  const est = estimateShares({
    design: sampleDesign(
      good.length,
      good.map((r) => Number(r.weight)),
      good.map((r) => r.stratum!),
      good.map((r) => r.cluster!),
    ),
    y: Uint8Array.from(good, (r) => (['very_safe', 'safe'].includes(r['safety/safe_after_dark']!) ? 1 : 0)),
    d: Uint8Array.from(good, () => 1),
    domain: Int32Array.from(good, (r) => keys.indexOf(sexOf(r['respondent/sex']!))),
    domainCount: keys.length,
  });
  return new Map(keys.map((k, i) => [k, est[i]!]));
}

describe.each(storeKinds())('survey imports on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  const dir = `${inject('testRoot')}/surveys-${kind}-${process.pid}`;
  const base = { formPath, formName: 'form.xlsx', dataPath, dataName: 'data.csv', mapping };

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    store = await openTestStore(kind);
    services = createServices(store);
    await services.cities.create({ slug: 'town', name: 'Town', country: 'KEN', timezone: 'Africa/Nairobi' });
    await services.cities.create({ slug: 'gps', name: 'Gps', country: 'KEN', timezone: 'Africa/Nairobi' });
    const square = (code: string, x: number) => ({
      type: 'Feature',
      properties: { code, name: code },
      geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
    });
    const units = { bytes: new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [square('N1', 0), square('N2', 1)] })), fileName: 'u.geojson' };
    for (const city of ['town', 'gps']) await services.unitImports.importFile(city, units, { idField: 'code', nameField: 'name', validFrom: 2020 } as never);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('imports the standard modules form and its export, rejecting bad rows by line', async () => {
    const { survey, notes } = await services.surveys.imports.importFiles({ citySlug: 'town', ...base, design: { weight: 'weight', strata: 'stratum', cluster: 'cluster' } });
    expect(survey.status).toBe('complete');
    expect(survey.totals).toEqual({ read: rows.length, imported: good.length, rejected: 3, outside: 0 });
    expect(survey.languages).toEqual(['English (en)', 'Français (fr)', 'Español (es)', 'Русский (ru)', 'العربية (ar)', '中文 (zh)']);
    expect(survey.indicators).toEqual(['16.1.3', '16.1.4', '16.3.1', '11.7.2']);
    expect(notes).toEqual([]);
    const rejected = await services.surveys.rejections('town', survey.id);
    const last = rows.length + 1; // the header is line 1
    expect(rejected.map((r) => [r.line, r.field])).toEqual([
      [last - 2, 'weight'],
      [last - 1, 'safety/safe_after_dark'],
      [last, 'respondent/unit'],
    ]);
  });

  it('computes 16.1.4 by sex as the core estimator does on the raw export', async () => {
    const city = await services.cities.get('town');
    const result = await services.surveys.indicators.compute({ cityId: city.id, code: '16.1.4', by: ['sex'], minRespondents: 30 });
    const want = expected1614BySex();
    expect(result.rows.map((r) => r.keys.sex)).toEqual([...want.keys()]);
    for (const row of result.rows) {
      const e = want.get(row.keys.sex!)!;
      expect(row.value).toBeCloseTo(e.share! * 100, 10);
      expect(row.lower).toBeCloseTo(Math.max(0, e.lower! * 100), 10);
      expect(row.respondents).toBe(e.respondents);
      expect(row.flags).toEqual(e.respondents < 30 ? ['few_respondents'] : []);
    }
    expect(result.method).toContain('strata and clusters');
    expect(result.notes.join(' ')).toContain('never go out alone');
  });

  it('breaks 11.7.2 down by place and 16.3.1 counts victims only', async () => {
    const city = await services.cities.get('town');
    const byPlace = await services.surveys.indicators.compute({ cityId: city.id, code: '11.7.2', by: ['place'], minRespondents: 10 });
    expect(byPlace.rows.map((r) => r.keys.place)).toEqual(['home', 'market', 'online', 'other', 'park', 'public_transport', 'school', 'street', 'workplace']);
    const total = await services.surveys.indicators.compute({ cityId: city.id, code: '11.7.2', by: [], minRespondents: 10 });
    for (const r of byPlace.rows) expect(r.value!).toBeLessThanOrEqual(total.rows[0]!.value! + 1e-9);
    const victims = good.filter((r) => ['violence/physical', 'violence/psychological', 'violence/sexual'].some((q) => r[q] === 'yes'));
    const reporting = await services.surveys.indicators.compute({ cityId: city.id, code: '16.3.1', by: [], minRespondents: 10 });
    expect(reporting.rows[0]!.respondents).toBe(victims.length);
    expect(reporting.notes[0]).toContain('Counting rule');
  });

  it('a custom indicator, a date range and units from GPS points', async () => {
    const city = await services.cities.get('town');
    const custom = await services.surveys.indicators.compute({
      cityId: city.id,
      code: 'custom',
      question: { name: 'respondent/disability', choices: ['yes'] },
      by: ['unit'],
      from: '2026-04-01',
      to: '2026-04-30',
      minRespondents: 10,
    });
    const april = good.filter((r) => r.today!.startsWith('2026-04'));
    expect(custom.rows.map((r) => r.keys.unit)).toEqual(['N1', 'N2']);
    expect(custom.rows.reduce((s, r) => s + r.respondents!, 0)).toBe(april.length);
    const gpsMapping = { ...mapping, respondent: { ...mapping.respondent, unit: { gps: 'respondent/location' } } };
    const { survey } = await services.surveys.imports.importFiles({ citySlug: 'gps', ...base, mapping: gpsMapping });
    // without the design columns the bad weight is not read, and the unknown unit code no longer matters
    expect(survey.totals.imported).toBe(good.length + 2);
    const gps = await services.cities.get('gps');
    const byUnit = await services.surveys.indicators.compute({ cityId: gps.id, code: '16.1.4', by: ['unit'], minRespondents: 10 });
    expect(byUnit.rows.map((r) => [r.keys.unit, r.respondents])).toEqual([
      ['N1', good.filter((r) => r['respondent/unit'] === 'N1').length + 2],
      ['N2', good.filter((r) => r['respondent/unit'] === 'N2').length],
    ]);
  });

  it('names the mapping field at fault and stores nothing', async () => {
    const bad = { ...mapping, modules: { ...mapping.modules, safety_after_dark: { ...mapping.modules.safety_after_dark, choices: { vsafe: 'very_safe' } } } };
    const before = await services.surveys.list('town');
    await expect(services.surveys.imports.importFiles({ citySlug: 'town', ...base, mapping: bad })).rejects.toMatchObject({
      code: 'survey.bad_mapping',
      message: expect.stringContaining('modules.safety_after_dark.choices.vsafe: no choice "vsafe" in list "safe_dark"'),
    });
    expect(await services.surveys.list('town')).toHaveLength(before.length);
  });

  it('reports repeat groups and skips them; deleting a survey removes its responses', async () => {
    const { readFormWorkbook } = await import('./survey-file.reader.ts');
    const sheets = await readFormWorkbook(formPath);
    expect(sheets.survey?.length).toBeGreaterThan(10);
    writeFileSync(`${dir}/x.csv`, 'a\n1\n');
    const city = await services.cities.get('gps');
    const [s] = await services.surveys.list('gps');
    await services.surveys.delete('gps', s!.id);
    const after = await services.surveys.indicators.compute({ cityId: city.id, code: '16.1.4', by: [], minRespondents: 10 });
    expect(after.rows).toEqual([]);
  });
});

describe.each(storeKinds())('survey exports as XLSX on %s', (kind) => {
  let store: TestStore;
  let services: Services;
  const dir = `${inject('testRoot')}/surveys-xlsx-${kind}-${process.pid}`;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    store = await openTestStore(kind);
    services = createServices(store);
    await services.cities.create({ slug: 'sheet', name: 'Sheet', country: 'KEN', timezone: 'Africa/Nairobi' });
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('reads the first sheet of a KoBoToolbox XLSX export, reports the repeat sheets, and agrees with the CSV', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet('Safer Cities');
    const header = Object.keys(rows[0]!);
    main.addRow(header);
    for (const r of good) main.addRow(header.map((h) => r[h]));
    wb.addWorksheet('members').addRow(['member_name', '_parent_index']);
    await wb.xlsx.writeFile(`${dir}/export.xlsx`);
    const noUnits = { ...mapping, respondent: { ...mapping.respondent, unit: undefined } };
    const { survey, notes } = await services.surveys.imports.importFiles({
      citySlug: 'sheet',
      formPath,
      formName: 'form.xlsx',
      dataPath: `${dir}/export.xlsx`,
      dataName: 'export.xlsx',
      mapping: noUnits,
      design: { weight: 'weight', strata: 'stratum', cluster: 'cluster' },
    });
    expect(survey.totals).toEqual({ read: good.length, imported: good.length, rejected: 0, outside: 0 });
    expect(notes).toEqual(['Sheets not read (repeat groups): members.']);
    const city = await services.cities.get('sheet');
    const result = await services.surveys.indicators.compute({ cityId: city.id, code: '16.1.4', by: ['sex'], minRespondents: 30 });
    const want = expected1614BySex();
    for (const row of result.rows) expect(row.value).toBeCloseTo(want.get(row.keys.sex!)!.share! * 100, 10);
  });
});
