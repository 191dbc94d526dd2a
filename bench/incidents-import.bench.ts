// Importing incident records: `safer incidents import` of a CSV of N rows (default 1,000,000) into PGlite, against
// the baseline of a raw COPY of the same rows, already mapped, into the same table (same indexes and keys), measured
// in the same run. For scale it also shows a COPY of the CSV as it is into a table of text columns without indexes.
// Each phase runs in its own process so its peak memory (max RSS) is its own.
//   npx tsx bench/incidents-import.bench.ts [rows]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { latLngToCell } from 'h3-js';
import { openPGlite, pgliteDir } from '../src/server/db/database.ts';
import { createServices } from '../src/server/services.ts';

const [phase = 'main', arg1, arg2] = process.argv.slice(2);
const GRID = 10; // 10 × 10 square units of 0.01°
const LON0 = 36.7;
const LAT0 = -1.35;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The N rows: the CSV the analyst has, and the same rows as the import stores them (for COPY). */
function makeRows(n: number, dir: string): { csv: string; mapped: string } {
  const rand = rng(42);
  const csv = ['id,date,time,lon,lat,type,sex,age'];
  const mapped: string[] = [];
  const types = ['robbery', 'assault', 'burglary'];
  const iccs = ['0401', '0201', '0501'];
  for (let i = 0; i < n; i++) {
    const lon = LON0 + rand() * GRID * 0.01;
    const lat = LAT0 + rand() * GRID * 0.01;
    const day = 1 + Math.floor(rand() * 365);
    const date = new Date(Date.UTC(2023, 0, day, Math.floor(rand() * 24), Math.floor(rand() * 60)));
    const iso = date.toISOString();
    const t = Math.floor(rand() * 3);
    const sex = rand() < 0.5 ? 'F' : 'M';
    const age = Math.floor(rand() * 90);
    csv.push(`${i},${iso.slice(0, 10)},${iso.slice(11, 16)},${lon.toFixed(6)},${lat.toFixed(6)},${types[t]},${sex},${age}`);
    const key = `id:["${i}"]#1`;
    const hash = createHash('sha256').update(key).digest('base64url');
    const unit = Math.floor((lon - LON0) / 0.01) * GRID + Math.floor((lat - LAT0) / 0.01);
    const band = age < 15 ? '0-14' : age < 30 ? '15-29' : age < 45 ? '30-44' : age < 60 ? '45-59' : '60+';
    mapped.push(
      [key, hash, 'police', iso, iso.slice(0, 10), `${iso.slice(0, 7)}-01`, iccs[t], types[t], sex === 'F' ? 'female' : 'male', age, band, lon, lat, `U${unit}`, latLngToCell(lat, lon, 10)].join(','),
    );
  }
  writeFileSync(join(dir, 'incidents.csv'), `${csv.join('\n')}\n`);
  writeFileSync(join(dir, 'mapped.csv'), `${mapped.join('\n')}\n`);
  return { csv: join(dir, 'incidents.csv'), mapped: join(dir, 'mapped.csv') };
}

function unitsGeoJson(): Uint8Array {
  const features = [];
  for (let x = 0; x < GRID; x++) {
    for (let y = 0; y < GRID; y++) {
      const lon = LON0 + x * 0.01;
      const lat = LAT0 + y * 0.01;
      const ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]];
      features.push({ type: 'Feature', properties: { code: `U${x * GRID + y}`, name: `U${x * GRID + y}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** A fresh store with the city and its units; returns the city id. */
async function prepare(dir: string) {
  const store = await openPGlite(dir, { role: 'cli', skipLock: true });
  const { migrate } = await import('../src/server/db/migrate.ts');
  await migrate(store);
  const services = createServices(store);
  const city = await services.cities.create({ slug: 'bench', name: 'Bench', country: 'KEN', timezone: 'Africa/Nairobi' });
  await services.unitImports.importFile('bench', { bytes: unitsGeoJson(), fileName: 'units.geojson' }, { idField: 'code', nameField: 'name' });
  return { store, services, cityId: city.id };
}

const peakMiB = () => process.resourceUsage().maxRSS / 1024;

if (phase === 'import') {
  const { store, services } = await prepare(arg2!);
  const t0 = performance.now();
  const { batch } = await services.incidentImports.importFile({
    citySlug: 'bench',
    path: arg1!,
    fileName: 'incidents.csv',
    profile: {
      source: 'police',
      id: 'id',
      occurredAt: { date: 'date', time: 'time', format: 'yyyy-MM-dd HH:mm' },
      location: { lon: 'lon', lat: 'lat' },
      category: { column: 'type', map: { robbery: '0401', assault: '0201', burglary: '0501' } },
      victim: { sex: { column: 'sex', map: { F: 'female', M: 'male' } }, age: { column: 'age' } },
    },
  });
  const ms = performance.now() - t0;
  const mem = process.memoryUsage();
  await store.close();
  const mib = (b: number) => Math.round(b / 2 ** 20);
  const note = `at the end: heap ${mib(mem.heapUsed)} MiB, external (PGlite) ${mib(mem.external)} MiB`;
  console.log(JSON.stringify({ ms, rows: batch.totals.imported, peakMiB: peakMiB(), note }));
} else if (phase === 'copy') {
  const { store, cityId } = await prepare(arg2!);
  const batch = await store.db
    .insertInto('import_batches')
    .values({ city_id: cityId, kind: 'incidents', source: 'police', file_name: 'copy', file_sha256: '-', status: 'complete' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = await store.db.selectFrom('units').select(['id', 'code']).execute();
  await store.close();
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const { readFileSync } = await import('node:fs');
  const rows = readFileSync(arg1!, 'utf8');
  const withIds = rows
    .replace(/,(U\d+),([0-9a-f]+)$/gm, (_, code: string, h3: string) => `,${unitId.get(code)},${h3}`)
    .replace(/^(?=.)/gm, `${cityId},${batch.id},`);
  const pg = await PGlite.create(pgliteDir(arg2!));
  const t0 = performance.now();
  await pg.query(
    `copy incidents (city_id, batch_id, record_key, content_hash, source, occurred_at, occurred_on, month, iccs, local_category, sex, age,
                     age_band, lon, lat, unit_id, h3_r10) from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([withIds]) },
  );
  const ms = performance.now() - t0;
  await pg.close();
  console.log(JSON.stringify({ ms, rows: rows.split('\n').length - 1, peakMiB: peakMiB() }));
} else if (phase === 'copy-raw') {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(arg1!, 'utf8');
  const pg = await PGlite.create(arg2!);
  await pg.exec('create table raw (id text, date text, time text, lon text, lat text, type text, sex text, age text)');
  const t0 = performance.now();
  await pg.query(`copy raw from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([text]) });
  const ms = performance.now() - t0;
  await pg.close();
  console.log(JSON.stringify({ ms, rows: text.split('\n').length - 2, peakMiB: peakMiB() }));
} else {
  const n = Number(phase === 'main' && arg1 ? arg1 : 1_000_000);
  const root = mkdtempSync(join(tmpdir(), 'safer-bench-incidents-'));
  try {
    const files = makeRows(n, root);
    const run = (p: string, file: string, dir: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/incidents-import.bench.ts', p, file, dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${p} failed:\n${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ms: number; rows: number; peakMiB: number; note?: string };
    };
    const raw = run('copy-raw', files.csv, join(root, 'raw'));
    const copy = run('copy', files.mapped, join(root, 'copy'));
    const imp = run('import', files.csv, join(root, 'import'));
    const line = (name: string, r: { ms: number; rows: number; peakMiB: number; note?: string }) =>
      `${name.padEnd(36)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${Math.round((r.rows / r.ms) * 1000).toLocaleString('en').padStart(9)} rows/s  peak ${r.peakMiB.toFixed(0)} MiB${r.note ? ` (${r.note})` : ''}`;
    console.log(`${n.toLocaleString('en')} rows, PGlite`);
    console.log(line('for scale: COPY of the CSV as text', raw));
    console.log(line('baseline: COPY of the mapped rows', copy));
    console.log(line('safer incidents import (CSV)', imp));
    console.log(`import speed: ${(copy.ms / imp.ms).toFixed(2)}× the COPY baseline (goal ≥ 0.5×); peak memory ${imp.peakMiB.toFixed(0)} MiB (goal < 1024)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
