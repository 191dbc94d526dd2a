// Synthetic incidents for the benches that read counts (summary, indicators): inserted set-wise with
// `insert … select … from generate_series`, one running batch per source, each then made visible by the import's own
// `IncidentRepository.finalize` (which builds incident_aggregates with the import's SQL). Values come from hashes of
// the row number, so every store holds the same rows. Distributions: unit uniform (1 % outside every unit), day
// uniform over the given days, ICCS code skewed among the first 20 divisions (the square of a uniform), sex 50 % male
// / 45 % female / 5 % unknown, age triangular 0–90 (10 % unknown), 70 % police and 30 % health.
import { sql } from 'kysely';
import { iccsEntries } from '../../src/core/reference/iccs.ts';
import type { Store } from '../../src/server/db/database.ts';
import { IncidentRepository } from '../../src/server/incidents/incident.repository.ts';

/** Inserts `total` incidents set-wise, one running batch per source, and makes each visible with the import's finalize. */
export async function loadIncidents(
  store: Store,
  cityId: number,
  total: number,
  unitIds: number[],
  days: { first: string; count: number } = { first: '2023-01-01', count: 731 },
): Promise<{ insertMs: number; finalizeMs: number }> {
  const records = new IncidentRepository(store.db);
  const codes = iccsEntries()
    .filter((e) => e.level === 2)
    .slice(0, 20)
    .map((e) => e.code);
  if (codes.length !== 20) throw new Error(`expected 20 ICCS codes, found ${codes.length}`);
  const police = Math.round(total * 0.7);
  const sources: [string, number, number][] = [
    ['police', 1, police],
    ['health', police + 1, total],
  ];
  const chunk = 250_000;
  let insertMs = 0;
  let finalizeMs = 0;
  // A uniform value in [0, 1) from the row number g and a salt: the same on every store and every run.
  const u = (salt: number) => sql.raw(`((hashint8extended(g, ${salt}) & 2147483647)::float8 / 2147483648.0)`);
  for (const [source, first, last] of sources) {
    const batch = await store.db
      .insertInto('import_batches')
      .values({ city_id: cityId, kind: 'incidents', source, file_name: `${source}.csv`, file_sha256: 'pending', status: 'running' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const t0 = performance.now();
    for (let lo = first; lo <= last; lo += chunk) {
      const hi = Math.min(last, lo + chunk - 1);
      await sql`
        insert into incidents (city_id, batch_id, record_key, content_hash, source, occurred_at, occurred_on, month, iccs,
                               local_category, sex, age, age_band, lon, lat, unit_id, outside)
        select ${cityId}, ${batch.id}, ${`${source}:`} || g, md5(g::text), ${source},
               (d + make_interval(secs => floor(t * 86400)::int)) at time zone 'Africa/Nairobi', d,
               d - (extract(day from d)::int - 1), (${codes}::text[])[1 + floor(20 * c * c)::int], null,
               case when s < 0.05 then 'unknown' when s < 0.5 then 'female' else 'male' end, age,
               case when age is null then 'unknown' when age < 15 then '0-14' when age < 30 then '15-29'
                    when age < 45 then '30-44' when age < 60 then '45-59' else '60+' end,
               null, null, case when o < 0.01 then null else (${unitIds}::int8[])[1 + floor(${unitIds.length} * w)::int] end, o < 0.01
        from (
          select g, ${days.first}::date + floor(${u(1)} * ${days.count})::int as d, ${u(2)} as t, ${u(3)} as c, ${u(4)} as s,
                 case when ${u(5)} < 0.1 then null else floor((${u(6)} + ${u(7)}) * 45)::int end as age,
                 ${u(8)} as o, ${u(9)} as w
          from generate_series(${lo}::bigint, ${hi}::bigint) as g) r`.execute(store.db);
    }
    const t1 = performance.now();
    const ok = await records.finalize(cityId, batch.id, { read: last - first + 1, rejected: 0, sha256: 'bench' });
    if (!ok) throw new Error(`batch ${batch.id} was not running`);
    finalizeMs += performance.now() - t1;
    insertMs += t1 - t0;
  }
  // What autovacuum would have done by the time anyone asks (PGlite runs no autovacuum).
  await sql`analyze incidents`.execute(store.db);
  await sql`analyze incident_aggregates`.execute(store.db);
  await sql`analyze import_batches`.execute(store.db);
  return { insertMs, finalizeMs };
}
