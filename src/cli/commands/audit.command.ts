import type { Command } from 'commander';
import { z } from 'zod';
import { type AuditEntry, auditExportColumns, auditExportRow, auditFilterSchema, operatorActor } from '../../core/audit/audit-entry.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';

type ExportRow = ReturnType<typeof auditExportRow>;

/** `safer audit export`: the audit log, whole or filtered, to stdout (the export is itself audited). */
export function auditCommand(program: Command, config: () => Config): void {
  const audit = program.command('audit').description('the audit log (read-only; entries are deleted only by the retention job)');

  audit
    .command('export')
    .description('every entry matching the filters, newest first, as CSV or JSON on stdout')
    .option('--actor <actor>', 'user:<id>, token:<id>, system:operator or anonymous')
    .option('--action <action>', 'e.g. city.create, or session.* for a family')
    .option('--target-type <type>', 'e.g. user, city, import')
    .option('--target-id <id>', 'the record id')
    .option('--scope <scope>', 'e.g. city:nairobi, country:KEN, platform')
    .option('--from <instant>', 'ISO 8601 instant with offset, e.g. 2026-01-01T00:00:00Z')
    .option('--to <instant>', 'ISO 8601 instant with offset')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: Record<string, string | undefined>) => {
      const { format, ...given } = opts;
      const filters = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const filter = parseOptions(auditFilterSchema, filters);
      const fmt = parseOptions(z.object({ format: formatSchema }), { format }).format;
      const rows = await withTarget(config(), async (t): Promise<ExportRow[]> => {
        if (t.kind === 'remote') {
          const qs = new URLSearchParams({ ...filters, format: 'json' });
          return t.api.request<ExportRow[]>('GET', `/api/v1/audit/export?${qs}`);
        }
        const entries: AuditEntry[] = [];
        for await (const e of t.services.audit.entries(filter)) entries.push(e);
        await t.services.audit.record(operatorActor, {
          action: 'audit.export',
          target: { type: 'audit_log', id: null },
          fields: Object.keys(filters),
          count: entries.length,
        });
        return entries.map(auditExportRow);
      });
      writeTable(fmt, [...auditExportColumns], rows);
      note(`${rows.length} audit log entries exported`);
    });
}
