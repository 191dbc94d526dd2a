import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { displayNameSchema, emailSchema } from '../../core/accounts/user.ts';
import { auditQuerySchema, operatorActor } from '../../core/audit/audit-entry.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { CliError, withTarget } from '../target.ts';

type UserDto = { id: number; email: string };
type AuditDto = { id: number; at: string; actor: string; action: string; target: { type: string; id: string | null }; scope: { kind: string; id: string } | null; fields: string[] };

/** The password in a file (or `-` for stdin), without the line break an editor or `echo` leaves at its end. */
function readPassword(file: string): string {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`Cannot read the password file ${file}: ${(err as Error).message}`);
  }
  return text.replace(/\r?\n$/, '');
}

/** `safer admin`: the operator's account work (issue 4). Everything it does is audited as system:operator. */
export function adminCommand(program: Command, config: () => Config): void {
  const admin = program.command('admin').description('administrators and the audit log (acts as the system operator)');

  admin
    .command('create')
    .description('create a secretariat administrator (the first one on a new platform, or another one)')
    .requiredOption('--email <address>', 'their e-mail address, used to sign in')
    .requiredOption('--password-file <file>', 'a file holding the password (- for stdin); no password is ever a flag')
    .option('--name <name>', 'display name (default: the part of the address before @)')
    .action(async (opts: { email: string; passwordFile: string; name?: string }) => {
      const email = parseOptions(z.object({ email: emailSchema }), { email: opts.email }).email;
      const { name } = parseOptions(z.object({ name: displayNameSchema }), { name: opts.name ?? email.split('@')[0] });
      const input = { email, displayName: name, password: readPassword(opts.passwordFile) };
      const created = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? await t.services.accounts.users.createAdministrator(input, operatorActor)
          : await t.api.request<UserDto>('POST', '/api/v1/admin/accounts', input),
      );
      note(`administrator ${created.email} created (account ${created.id}); they set up their second factor at first sign-in`);
    });

  admin
    .command('audit')
    .description('list audit log entries, newest first')
    .option('--actor <actor>', 'user:<id>, system:operator or anonymous')
    .option('--action <action>', 'e.g. city.create, or session.* for a family')
    .option('--scope <scope>', 'e.g. city:nairobi, country:KEN, platform')
    .option('--from <instant>', 'ISO 8601 instant with offset, e.g. 2026-01-01T00:00:00Z')
    .option('--to <instant>', 'ISO 8601 instant with offset')
    .option('--limit <n>', 'how many', '100')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: Record<string, string | undefined>) => {
      const { format, ...filters } = opts;
      const query = parseOptions(auditQuerySchema, filters);
      const fmt = parseOptions(z.object({ format: formatSchema }), { format }).format;
      const entries = await withTarget(config(), async (t) => {
        if (t.kind === 'local') {
          return (await t.services.audit.list(query)).entries.map((e) => ({ ...e, at: e.at.toISOString() }));
        }
        const qs = new URLSearchParams(Object.entries(filters).filter((kv): kv is [string, string] => kv[1] !== undefined));
        return (await t.api.request<{ entries: AuditDto[] }>('GET', `/api/v1/audit?${qs}`)).entries;
      });
      writeTable(
        fmt,
        ['id', 'at', 'actor', 'action', 'target', 'scope', 'fields'],
        entries.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor,
          action: e.action,
          target: `${e.target.type}:${e.target.id ?? ''}`,
          scope: e.scope ? `${e.scope.kind}:${e.scope.id}` : '',
          fields: e.fields.join(' '),
        })),
      );
    });
}
