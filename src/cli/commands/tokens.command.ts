import type { Command } from 'commander';
import { z } from 'zod';
import { newApiTokenSchema } from '../../core/accounts/api-token.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { type apiTokenSchema, toApiTokenDto } from '../../server/accounts/api-token.routes.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';

type TokenDto = z.output<typeof apiTokenSchema>;
const operator = { kind: 'operator' } as const;
const columns = ['id', 'name', 'prefix', 'grants', 'status', 'createdBy', 'createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt'];

/** `role` or `role=scope` (e.g. `city:open311_client=nairobi`) as the API's grant. */
function parseGrant(text: string): { role: string; scope?: string } {
  const at = text.indexOf('=');
  return at < 0 ? { role: text } : { role: text.slice(0, at), scope: text.slice(at + 1) };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `safer tokens`: API tokens for machines, made and revoked as the system operator (audited). */
export function tokensCommand(program: Command, config: () => Config): void {
  const tokens = program.command('tokens').description('API tokens for machines (scheduled imports, Open311 clients)');

  tokens
    .command('create')
    .description('make an API token; prints its secret (shown this once) on stdout')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--grant <role=scope>', 'a role it carries, e.g. city:open311_client=nairobi (repeatable)', collect)
    .option('--days <n>', 'days until it expires (at most 366)', '90')
    .action(async (opts: { name: string; grant: string[]; days: string }) => {
      const input = parseOptions(newApiTokenSchema, { name: opts.name, grants: opts.grant.map(parseGrant), expiresInDays: opts.days });
      const made = await withTarget(config(), async (t) => {
        if (t.kind === 'local') {
          const { token, secret } = await t.services.accounts.apiTokens.create(operator, input);
          return { token: toApiTokenDto(token), secret };
        }
        return t.api.request<{ token: TokenDto; secret: string }>('POST', '/api/v1/tokens', input);
      });
      note(`API token ${made.token.id} (${made.token.name}) made, expires ${made.token.expiresAt}; its secret is shown this once:`);
      process.stdout.write(`${made.secret}\n`);
    });

  tokens
    .command('list')
    .description('list API tokens (never their secrets), newest first')
    .option('--city <slug>', "only tokens carrying a role in this city")
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: unknown) => {
      const o = parseOptions(z.object({ city: citySlugSchema.optional(), format: formatSchema }), opts);
      const list = await withTarget(config(), async (t) => {
        if (t.kind === 'local') return (await t.services.accounts.apiTokens.list(o.city ? { city: o.city } : {})).map(toApiTokenDto);
        const path = o.city ? `/api/v1/cities/${o.city}/tokens` : '/api/v1/tokens';
        return (await t.api.request<{ tokens: TokenDto[] }>('GET', path)).tokens;
      });
      writeTable(
        o.format,
        columns,
        list.map((x) => (o.format === 'json' ? x : { ...x, grants: x.grants.map((g) => (g.scope ? `${g.role}=${g.scope}` : g.role)).join(' ') })),
      );
    });

  tokens
    .command('revoke')
    .description('revoke an API token: it stops working at once')
    .argument('<id>', 'the token id (see tokens list)')
    .action(async (id: string) => {
      const tokenId = parseOptions(z.object({ id: z.coerce.number().int().positive() }), { id }).id;
      const revoked = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? toApiTokenDto(await t.services.accounts.apiTokens.revoke(operator, tokenId))
          : await t.api.request<TokenDto>('POST', `/api/v1/tokens/${tokenId}/revoke`),
      );
      note(`API token ${revoked.id} (${revoked.name}) revoked`);
    });
}
