import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { Store } from '../db/database.ts';
import type { Migration } from '../db/migrate.ts';

/** Helpers for the backup integration tests (not a test file itself). */

export const BULK_JOBS = 12_000;

/**
 * Cities with non-ASCII and awkward names, a gap in the ids, jobs with jsonb payloads, nulls and timestamps with
 * microseconds, and enough bulk jobs that reads and loads take several batches.
 */
export async function seedSample(store: Store): Promise<void> {
  const cities = [
    { slug: 'cairo', name: 'القاهرة', country: 'EGY', timezone: 'Africa/Cairo' },
    { slug: 'gone', name: 'Removed later', country: 'FRA', timezone: 'Europe/Paris' },
    { slug: 'shanghai', name: '上海市', country: 'CHN', timezone: 'Asia/Shanghai' },
    { slug: 'odd-names', name: `O'Brien "Town" \\ $$ $r00$ — Ñandú 🚀`, country: 'IRL', timezone: 'Europe/Dublin' },
    { slug: 'nairobi', name: 'Nairobi', country: 'KEN', timezone: 'Africa/Nairobi' },
  ];
  await store.db.insertInto('cities').values(cities).execute();
  await store.db.deleteFrom('cities').where('slug', '=', 'gone').execute();
  await store.db
    .updateTable('cities')
    .set({ created_at: '2025-12-31 23:59:59.123456+03' })
    .where('slug', '=', 'cairo')
    .execute();
  await store.db
    .insertInto('jobs')
    .values([
      {
        kind: 'import.csv',
        payload: JSON.stringify({
          file: 'incidents 2025.csv',
          options: { delimiter: ';', header: true, skip: null, ratio: 0.1, big: 9007199254740991 },
          names: ['القاهرة', '上海', 'Ñandú', 'line\nbreak', 'quote "x"', 'back\\slash', '$$'],
        }),
        status: 'succeeded',
        progress_done: 40,
        progress_total: 40,
        progress_note: null,
        result: JSON.stringify({ imported: 40, rejected: [] }),
        started_at: new Date('2026-01-02T03:04:05.678Z'),
        finished_at: new Date('2026-01-02T03:05:00.000Z'),
      },
      { kind: 'report.render', status: 'failed', error: 'Chromium absent — الطابعة غير متاحة', attempts: 3 },
      { kind: 'reminders.send', run_at: '2026-07-01 08:00:00.000001+00' },
    ])
    .execute();
  await seedCityData(store);
  await sql`insert into jobs (kind, payload, status)
            select 'bulk.item', jsonb_build_object('i', g, 'label', 'item ' || g), 'succeeded'
            from generate_series(1, ${BULK_JOBS}) g`.execute(store.db);
}

/** A few rows in the city data tables, so foreign-key chains (cities → batches, units → incidents) are exercised. */
async function seedCityData(store: Store): Promise<void> {
  const cairo = await store.db.selectFrom('cities').select('id').where('slug', '=', 'cairo').executeTakeFirstOrThrow();
  const city_id = cairo.id;
  const square = { type: 'Polygon', coordinates: [[[31.2, 30.0], [31.3, 30.0], [31.3, 30.1], [31.2, 30.0]]] };
  await store.db.insertInto('unit_levels').values([
    { city_id, level: 1, name: 'محافظة' },
    { city_id, level: 2, name: 'حي' },
  ]).execute();
  const units = await store.db
    .insertInto('units')
    .values([
      { city_id, code: 'U1', name: 'وسط البلد', geometry: JSON.stringify(square), min_lon: 31.2, min_lat: 30, max_lon: 31.3, max_lat: 30.1, area_m2: 1.2345678901234567e7 },
      { city_id, code: 'U2', name: 'Zamalek', level: 2, parent_code: 'U1', valid_to_year: 2030, geometry: '{"type":"Point","coordinates":[31.22,30.06]}', min_lon: 31.22, min_lat: 30.06, max_lon: 31.22, max_lat: 30.06, area_m2: 0, issues: '["no area"]' },
    ])
    .returning('id')
    .execute();
  await store.db.insertInto('population').values({ city_id, unit_code: 'U1', year: 2025, sex: 'female', age_band: '15-29', population: 1234.5 }).execute();
  const batch = await store.db
    .insertInto('import_batches')
    .values({ city_id, kind: 'incidents', source: 'police', file_name: 'محاضر 2025.csv', file_sha256: 'ab'.repeat(32), profile: '{"columns":{"date":"التاريخ"}}', status: 'complete', rows_read: 3, rows_imported: 2, rows_rejected: 1, completed_at: new Date('2026-01-05T10:00:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db.insertInto('import_rejections').values({ city_id, batch_id: batch.id, line: 3, field: 'date', value: null, reason: 'missing date' }).execute();
  await store.db
    .insertInto('incidents')
    .values([
      { city_id, batch_id: batch.id, record_key: 'k1', content_hash: 'h1', source: 'police', occurred_at: '2025-06-01 23:30:00.000001+03', occurred_on: '2025-06-01', month: '2025-06-01', iccs: '0101', sex: 'female', age: 24, age_band: '15-29', lon: 31.25, lat: 30.05, unit_id: units[0]!.id, h3_r10: '8a3e6c0a1b2ffff' },
      { city_id, batch_id: batch.id, record_key: 'k2', content_hash: 'h2', source: 'police', occurred_at: '2025-06-02 08:00:00+03', occurred_on: '2025-06-02', month: '2025-06-01', iccs: '0201', local_category: 'سرقة', outside: true },
    ])
    .execute();
  await store.db.insertInto('incident_aggregates').values({ city_id, unit_id: units[0]!.id, month: '2025-06-01', iccs: '0101', sex: 'female', age_band: '15-29', source: 'police', count: 1 }).execute();
  await store.db.insertInto('incident_cell_aggregates').values({ city_id, h3_r10: '8a3e6c0a1b2ffff', month: '2025-06-01', iccs: '0101', source: 'police', count: 1 }).execute();
}

export type Content = Record<string, string[]>;

/** Every row of every public table (schema_migrations included), as JSON text in UTC, sorted. */
export async function dumpContent(store: Store): Promise<Content> {
  return store.session(async (exec) => {
    await exec(`begin; set local time zone 'UTC'`);
    try {
      const tables = await exec(`select table_name::text as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
      const out: Content = {};
      for (const { name } of tables) {
        const quoted = `"${String(name).replaceAll('"', '""')}"`;
        const cols = name === 'schema_migrations' ? 'name, checksum' : 'r.*';
        const rows = await exec(`select row_to_json(x)::text as j from (select ${cols} from public.${quoted} r) x`);
        out[String(name)] = rows.map((r) => String(r.j)).sort();
      }
      return out;
    } finally {
      await exec('rollback');
    }
  });
}

/** Decompresses a backup, lets `edit` change its lines, and writes it compressed again to `to`. */
export function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  writeFileSync(to, gzipSync(`${edit(lines).join('\n')}\n`));
}

export function backupLines(file: string): string[] {
  return gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(0, -1);
}

/** A migration written by a test, as if a later version of the platform had shipped it. */
export function testMigration(name: string, text: string): Migration {
  return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
}
