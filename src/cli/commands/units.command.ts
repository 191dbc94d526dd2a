import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { unitImportOptionsSchema, unitLevelSchema, yearSchema } from '../../core/units/unit.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { CliError, withTarget } from '../target.ts';

/** Reads an input file for an import, or says plainly that it is not there. */
export function readInput(path: string): { bytes: Uint8Array; fileName: string } {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  return { bytes: readFileSync(path), fileName: basename(path) };
}

/** Writes an import's report (one header row, then data) and returns its absolute path. */
export function writeReport(path: string, columns: string[], rows: Record<string, unknown>[]): string {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  const body = rows.length === 0 ? `${columns.join(',')}\n` : stringify(rows.map((r) => columns.map((c) => r[c] ?? '')), { header: true, columns });
  writeFileSync(full, body);
  return full;
}

export function defaultReportPath(config: Config, kind: string, city: string, batchId: number): string {
  return join(config.dataDir, 'reports', `${kind}-${city}-${batchId}.csv`);
}

export function remoteImportRefused(): never {
  throw new CliError(
    'A running server holds the data directory, and files are not yet imported through its API (the browser import comes later). Stop the server and run the import again.',
  );
}

const importFlags = z.object({
  city: citySlugSchema,
  file: z.string().min(1),
  id: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().min(1).optional(),
  level: unitLevelSchema.optional(),
  population: z.string().min(1).optional(),
  year: yearSchema.optional(),
  crs: z.string().min(1).optional(),
  repair: z.boolean().optional(),
  layer: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
});

export function unitsCommand(program: Command, config: () => Config): void {
  const units = program.command('units').description("a city's administrative units: import boundaries, name levels, list");

  units
    .command('import')
    .description('import units from GeoJSON, a zipped Shapefile or a GeoPackage (one transaction)')
    .argument('<city>', 'city slug')
    .argument('<file>', '.geojson/.json, .zip (Shapefile with .prj) or .gpkg')
    .requiredOption('--id <field>', 'field holding the unit id (kept as the unit code)')
    .requiredOption('--name <field>', 'field holding the unit name')
    .option('--parent <field>', 'field holding the parent unit id (at level − 1)')
    .option('--level <n>', 'level of these units, 1 = coarsest', '1')
    .option('--population <field>', 'field holding the total population (needs --year)')
    .option('--year <yyyy>', 'boundaries valid from this year (older versions end here); population year')
    .option('--crs <EPSG:nnnn>', 'coordinate system of the file, overriding what it says')
    .option('--repair', 'close rings, drop repeated points and degenerate rings, split self-intersections')
    .option('--layer <name>', 'GeoPackage feature table, when the file has several')
    .option('--report <path>', 'where to write the issues CSV (default: <data dir>/reports/units-<city>-<batch>.csv)')
    .action(async (city: string, file: string, opts: Record<string, unknown>) => {
      const f = parseOptions(importFlags, { city, file, ...opts });
      const input = parseOptions(unitImportOptionsSchema, {
        idField: f.id,
        nameField: f.name,
        parentField: f.parent,
        level: f.level,
        populationField: f.population,
        year: f.year,
        crs: f.crs,
        repair: f.repair ?? false,
      });
      const upload = readInput(f.file);
      const summary = await withTarget(config(), async (t) =>
        t.kind === 'local' ? t.services.unitImports.importFile(f.city, upload, { ...input, layer: f.layer }) : remoteImportRefused(),
      );
      for (const n of summary.notes) note(n);
      note(
        `read ${summary.read}, imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, ` +
          `flagged ${summary.flagged}, skipped ${summary.skipped}, repaired ${summary.repaired}` +
          (f.population ? `; population rows ${summary.populationRows} for ${f.year}` : ''),
      );
      const path = writeReport(f.report ?? defaultReportPath(config(), 'units', f.city, summary.batchId), ['unit', 'code', 'detail'], summary.report);
      note(`report (${summary.report.length} line(s)): ${path}`);
    });

  units
    .command('level')
    .description('name a level of units, e.g. `safer units level nairobi 1 "sub-county"`')
    .argument('<city>', 'city slug')
    .argument('<n>', 'level, 1 = coarsest')
    .argument('<name>', 'what a unit of this level is called')
    .action(async (city: string, level: string, name: string) => {
      const o = parseOptions(z.object({ city: citySlugSchema, level: unitLevelSchema, name: z.string().trim().min(1).max(100) }), { city, level, name });
      await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? t.services.units.setLevelName(o.city, o.level, o.name)
          : t.api.request('PUT', `/api/v1/cities/${o.city}/units/levels/${o.level}`, { name: o.name }),
      );
      note(`level ${o.level} of ${o.city} is called "${o.name}"`);
    });

  units
    .command('list')
    .description('list units (current boundaries, or those valid in --year)')
    .argument('<city>', 'city slug')
    .option('--level <n>', 'only this level')
    .option('--year <yyyy>', 'boundaries valid in this year')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (city: string, opts: Record<string, unknown>) => {
      const o = parseOptions(
        z.object({ city: citySlugSchema, level: unitLevelSchema.optional(), year: yearSchema.optional(), format: formatSchema }),
        { city, ...opts },
      );
      const rows = await withTarget(config(), async (t) => {
        if (t.kind === 'local') {
          return (await t.services.units.list(o.city, { level: o.level, year: o.year })).map((u) => ({
            unit: u.code,
            name: u.name,
            level: u.level,
            parent: u.parentCode,
            validFromYear: u.validFromYear,
            validToYear: u.validToYear,
            areaM2: Math.round(u.areaM2),
            issues: u.issues.length,
          }));
        }
        const qs = new URLSearchParams({ ...(o.level ? { level: String(o.level) } : { level: '1' }), ...(o.year ? { year: String(o.year) } : {}) });
        const fc = await t.api.request<{ features: { properties: Record<string, unknown> }[] }>('GET', `/api/v1/cities/${o.city}/units?${qs}`);
        return fc.features.map((x) => ({ ...x.properties, areaM2: Math.round(Number(x.properties.areaM2)) }));
      });
      writeTable(o.format, ['unit', 'name', 'level', 'parent', 'validFromYear', 'validToYear', 'areaM2', 'issues'], rows);
    });
}
