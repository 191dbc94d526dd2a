import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { loadMigrations } from '../db/migrate.ts';
import type { BackupProgress } from './backup.format.ts';
import { openBackup } from './backup.reader.ts';
import { BULK_JOBS, backupLines, type Content, dumpContent, rewriteBackup, seedSample } from './backup.test-support.ts';
import { type BackupSummary, writeBackup } from './backup.writer.ts';
import { restoreBackup } from './backup-restore.service.ts';

describe.each(storeKinds())('backup of a %s store', (kind) => {
  let source: TestStore;
  let dir: string;
  let file: string;
  let expected: Content;
  let summary: BackupSummary;
  let totalRows: number;
  const progress: BackupProgress[] = [];

  beforeAll(async () => {
    source = await openTestStore(kind);
    await seedSample(source);
    expected = await dumpContent(source);
    totalRows = Object.entries(expected).reduce((n, [t, rows]) => (t === 'schema_migrations' ? n : n + rows.length), 0);
    dir = mkdtempSync(join(inject('testRoot'), 'backup-'));
    file = join(dir, 'full.jsonl.gz');
    summary = await writeBackup(source, file, { onProgress: (p) => progress.push(p) });
  });
  afterAll(async () => {
    await source.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a header with the applied migrations and the tables in dependency order, and no partial file', async () => {
    const backup = await openBackup(file);
    await backup.close();
    expect(backup.header).toMatchObject({ format: 'safer-backup', version: 1, store: kind });
    expect(backup.header.migrations).toEqual(loadMigrations().map((m) => m.name));
    // Every base table but schema_migrations, each after the tables it references.
    const names = backup.header.tables.map((t) => t.name);
    expect([...names].sort()).toEqual(Object.keys(expected).filter((n) => n !== 'schema_migrations'));
    expect(names.indexOf('cities')).toBeLessThan(Math.min(names.indexOf('units'), names.indexOf('city_role_grants')));
    expect(names.indexOf('incidents')).toBeGreaterThan(Math.max(names.indexOf('units'), names.indexOf('import_batches')));
    expect(names.indexOf('import_rejections')).toBeGreaterThan(names.indexOf('import_batches'));
    for (const t of backup.header.tables) expect(t.rows, t.name).toBe(expected[t.name]!.length);
    expect(backup.header.tables.find((t) => t.name === 'jobs')?.rows).toBe(BULK_JOBS + 3);
    expect(summary.rows).toBe(totalRows);
    expect(existsSync(`${file}.partial`)).toBe(false);
    const lines = backupLines(file);
    expect(lines).toHaveLength(1 + names.length + totalRows + 1);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, tables: names.length, rows: totalRows, sha256: summary.sha256 });
  });

  it('reports progress per batch and per table', () => {
    const total = summary.tables.length;
    expect(progress.at(-1)).toMatchObject({ tablesDone: total, tablesTotal: total });
    for (const [i, t] of summary.tables.entries()) {
      expect(progress.find((p) => p.table === t.name && p.tablesDone === i + 1)?.rows, t.name).toBe(t.rows);
    }
    expect(progress.filter((p) => p.table === 'jobs').length).toBeGreaterThan(2);
  });

  describe.each(storeKinds())('restored into a %s store', (targetKind) => {
    let target: TestStore;
    beforeAll(async () => {
      target = await openTestStore(targetKind);
      await target.db
        .insertInto('cities')
        .values({ slug: 'lima', name: 'Lima', country: 'PER', timezone: 'America/Lima' })
        .execute();
    });
    afterAll(() => target.dispose());

    it('holds exactly the content of the source, its own rows gone', async () => {
      const restored = await restoreBackup(target, file);
      expect(restored).toMatchObject({ from: kind, rows: totalRows, replayed: [] });
      expect(await dumpContent(target)).toEqual(expected);
    });

    it('gives new rows fresh ids (sequences continue after the restored ids)', async () => {
      const maxCity = await target.db.selectFrom('cities').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      const city = await target.db
        .insertInto('cities')
        .values({ slug: 'quito', name: 'Quito', country: 'ECU', timezone: 'America/Guayaquil' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(city.id).toBeGreaterThan(Number(maxCity.m));
      const maxUnit = await target.db.selectFrom('units').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
      const unit = await target.db
        .insertInto('units')
        .values({ city_id: city.id, code: 'Q1', name: 'Centro', geometry: '{}', min_lon: 0, min_lat: 0, max_lon: 0, max_lat: 0, area_m2: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(unit.id).toBeGreaterThan(Number(maxUnit.m));
      const job = await target.db.insertInto('jobs').values({ kind: 'after.restore' }).returning('id').executeTakeFirstOrThrow();
      expect(job.id).toBe(BULK_JOBS + 4);
    });
  });

  describe('refusals', () => {
    let victim: TestStore;
    let before: Content;
    beforeAll(async () => {
      victim = await openTestStore(kind);
      await victim.db.insertInto('cities').values({ slug: 'lima', name: 'Lima', country: 'PER', timezone: 'America/Lima' }).execute();
      await victim.db.insertInto('jobs').values({ kind: 'victim.job', payload: '{"keep": true}' }).execute();
      before = await dumpContent(victim);
    });
    afterAll(() => victim.dispose());

    const refused = async (bad: string, code: string, message: RegExp) => {
      await expect(restoreBackup(victim, bad)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
      expect(await dumpContent(victim)).toEqual(before);
    };

    it('refuses a file cut short in its compressed bytes, keeping the rows', async () => {
      const bad = join(dir, 'cut-bytes.jsonl.gz');
      const bytes = await readFile(file);
      await writeFile(bad, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      await refused(bad, 'backup.invalid', /could not be read to the end|truncated/);
    });

    it('refuses a file that lost its last lines after every row was loaded, keeping the rows', async () => {
      const bad = join(dir, 'cut-lines.jsonl.gz');
      rewriteBackup(file, bad, (lines) => lines.slice(0, -1));
      await refused(bad, 'backup.invalid', /ends before its end line/);
      rewriteBackup(file, bad, (lines) => lines.slice(0, lines.findIndex((l) => l.startsWith('{"table":"jobs"')) + 100));
      await refused(bad, 'backup.invalid', /ends before row 100 of 12003 of table jobs/);
    });

    it('refuses a file whose rows were altered (checksum), keeping the rows', async () => {
      const bad = join(dir, 'altered.jsonl.gz');
      rewriteBackup(file, bad, (lines) => lines.map((l) => l.replace('Nairobi', 'Nairob1')));
      await refused(bad, 'backup.invalid', /checksum/);
    });

    it('refuses files that are not backups', async () => {
      const text = join(dir, 'notes.txt');
      writeFileSync(text, 'just some text\n');
      await refused(text, 'backup.invalid', /not gzip/);
      const other = join(dir, 'other.json.gz');
      writeFileSync(other, gzipSync('{"hello": "world"}\n'));
      await refused(other, 'backup.invalid', /not a Safer Cities backup header/);
      await refused(join(dir, 'missing.jsonl.gz'), 'backup.invalid', /no backup file/);
    });

    it('refuses a backup from a newer schema with backup.incompatible', async () => {
      const bad = join(dir, 'newer.jsonl.gz');
      rewriteBackup(file, bad, ([header, ...rest]) => {
        const h = JSON.parse(header!);
        h.migrations.push('29990101_0001_from_the_future.sql');
        return [JSON.stringify(h), ...rest];
      });
      await refused(bad, 'backup.incompatible', /29990101_0001_from_the_future\.sql/);
    });

    it('rolls back when a row cannot be loaded, keeping the rows', async () => {
      const bad = join(dir, 'bad-row.jsonl.gz');
      // A valid file (checksum recomputed) whose city breaks a check constraint: the failure comes from the load.
      const lines = backupLines(file).slice(0, -1);
      const i = lines.findIndex((l) => l.includes('"slug":"nairobi"'));
      lines[i] = lines[i]!.replace('"slug":"nairobi"', '"slug":"Not A Slug"');
      const sha256 = createHash('sha256').update(lines.map((l) => `${l}\n`).join('')).digest('hex');
      const end = { ...JSON.parse(backupLines(file).at(-1)!), sha256 };
      writeFileSync(bad, gzipSync(`${[...lines, JSON.stringify(end)].join('\n')}\n`));
      await refused(bad, 'backup.invalid', /Rows of table cities .* could not be loaded/);
    });
  });

  it('restores into the store it came from after later changes', async () => {
    await source.db.deleteFrom('jobs').where('kind', '=', 'bulk.item').execute();
    await source.db.updateTable('cities').set({ name: 'Changed' }).execute();
    await sql`insert into cities (slug, name, country, timezone) values ('later', 'Later', 'PER', 'America/Lima')`.execute(source.db);
    await restoreBackup(source, file);
    expect(await dumpContent(source)).toEqual(expected);
  });

  it('stops when aborted and leaves no file, complete or partial', async () => {
    const aborted = join(dir, 'aborted.jsonl.gz');
    const controller = new AbortController();
    const run = writeBackup(source, aborted, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.table === 'jobs') controller.abort(new Error('stop now'));
      },
    });
    await expect(run).rejects.toThrow('stop now');
    expect(existsSync(aborted)).toBe(false);
    expect(existsSync(`${aborted}.partial`)).toBe(false);
  });
});
