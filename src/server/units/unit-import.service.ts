import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { CRS84, parseCrsName } from '../../core/geo/crs.ts';
import { type EpsgTable, firstPosition, resolveCrs } from '../../core/geo/reproject.ts';
import type { PopulationRow } from '../../core/units/population.ts';
import { type UnitImportOptions, type UnitImportSummary, unitImportOptionsSchema } from '../../core/units/unit.ts';
import { flagParents, issueRows, prepareUnits } from '../../core/units/unit-prepare.ts';
import { planVersions } from '../../core/units/unit-versions.ts';
import type { CityService } from '../cities/city.service.ts';
import { loadEpsgTable } from './epsg-table.ts';
import type { UnitRepository } from './unit.repository.ts';
import type { UnitService } from './unit.service.ts';
import { readUnitFile } from './unit-file.reader.ts';

export type UnitImportInput = z.input<typeof unitImportOptionsSchema> & { layer?: string };
export type UploadedFile = { bytes: Uint8Array; fileName: string };

/** Imports one boundary file into a city, in one transaction (DESIGN §3: an import lands whole or not at all). */
export class UnitImportService {
  constructor(
    private readonly repo: UnitRepository,
    private readonly cities: CityService,
    private readonly units: UnitService,
    private readonly epsg: () => EpsgTable = loadEpsgTable,
  ) {}

  async importFile(citySlug: string, file: UploadedFile, input: UnitImportInput): Promise<UnitImportSummary> {
    const opts: UnitImportOptions = unitImportOptionsSchema.parse(input);
    const city = await this.cities.get(citySlug);
    const parsed = await readUnitFile(file.bytes, file.fileName, { layer: input.layer });
    if (parsed.features.length === 0) {
      throw new DomainError('units.bad_file', `${file.fileName}: the file holds no features`, { file: file.fileName });
    }
    const named: [string, string | undefined][] = [
      ['--id', opts.idField],
      ['--name', opts.nameField],
      ['--parent', opts.parentField],
      ['--population', opts.populationField],
    ];
    for (const [flag, field] of named) {
      if (field !== undefined && !parsed.fields.includes(field)) {
        throw new DomainError('units.bad_field', `${flag} ${field}: no such field in ${file.fileName}; its fields are ${parsed.fields.join(', ')}`, {
          flag,
          field,
          fields: parsed.fields,
        });
      }
    }

    const sample = parsed.features.map((f) => firstPosition(f.geometry)).find((p) => p !== undefined);
    const given = opts.crs === undefined ? undefined : parseCrsName(opts.crs);
    if (opts.crs !== undefined && !given) {
      throw new DomainError('units.bad_crs', `--crs ${opts.crs}: give EPSG:nnnn or an OGC CRS URN`, { crs: opts.crs });
    }
    if (!given && !parsed.crs && sample && !(Math.abs(sample[0]) <= 180 && Math.abs(sample[1]) <= 90)) {
      throw new DomainError(
        'units.bad_crs',
        `${file.fileName} states no coordinate system and its coordinates (${sample.join(' ')}) are not longitude/latitude; give --crs EPSG:nnnn`,
        { file: file.fileName },
      );
    }
    const crs = resolveCrs(given ?? parsed.crs ?? CRS84, this.epsg(), sample);
    const prepared = prepareUnits(parsed.features, opts, crs);
    const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');

    const result = await this.repo.transaction(async (tx) => {
      if (opts.parentField) flagParents(prepared.units, opts.level, await tx.units.codesAtLevel(city.id, opts.level - 1, opts.year));
      const stored = await tx.units.versionsAtLevel(city.id, opts.level);
      const plan = planVersions(stored, prepared.units, opts.year);
      for (const c of plan.closes) await tx.units.closeVersion(city.id, c.id, c.validToYear);
      for (const u of plan.updates) await tx.units.updateVersion(city.id, u.id, u.unit);
      for (const r of plan.reflagged) await tx.units.setIssues(city.id, r.id, r.issues);
      await tx.units.insertVersions(city.id, opts.level, plan.inserts);
      const population: PopulationRow[] =
        opts.populationField && opts.year !== undefined
          ? prepared.units.flatMap((u) =>
              u.population === undefined ? [] : [{ unitCode: u.code, year: opts.year!, sex: 'total', ageBand: 'total', population: u.population }],
            )
          : [];
      await tx.population.upsert(city.id, population);
      const inFile = new Set(prepared.units.map((u) => u.code));
      const absent = new Set(stored.filter((v) => v.validToYear === null && !inFile.has(v.code)).map((v) => v.code)).size;
      const batchId = await tx.batches.insertCompleted(city.id, {
        kind: 'units',
        fileName: file.fileName,
        fileSha256,
        profile: {
          ...opts,
          layer: input.layer,
          crs: crs.label,
          format: parsed.format,
          flagged: prepared.units.filter((u) => u.issues.length > 0).length,
          repaired: prepared.repaired,
          populationRows: population.length,
        },
        read: parsed.features.length,
        imported: plan.imported,
        updated: plan.updated,
        unchanged: plan.unchanged,
        rejected: prepared.skipped,
      });
      return { batchId, plan, populationRows: population.length, absent };
    });
    this.units.invalidate(city.id);

    const notes = [`coordinates read as ${crs.label}`, ...crs.notes, ...parsed.notes];
    if (result.absent > 0) notes.push(`${result.absent} unit(s) at level ${opts.level} are not in this file and were left as they are`);
    return {
      batchId: result.batchId,
      crs: crs.label,
      read: parsed.features.length,
      imported: result.plan.imported,
      updated: result.plan.updated,
      unchanged: result.plan.unchanged,
      flagged: prepared.units.filter((u) => u.issues.length > 0).length,
      skipped: prepared.skipped,
      repaired: prepared.repaired,
      populationRows: result.populationRows,
      notes,
      report: [...prepared.report, ...issueRows(prepared.units)],
    };
  }
}
