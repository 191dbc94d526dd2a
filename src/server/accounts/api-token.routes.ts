import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenDaysSchema, apiTokenNameSchema, newApiTokenSchema } from '../../core/accounts/api-token.ts';
import { allCityRoles } from '../../core/accounts/role.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { grantSchema } from './account.schemas.ts';
import type { ApiTokenView } from './api-token.service.ts';

const tags = ['accounts'];

export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().meta({ description: 'The first characters of the secret, to recognise it; never the secret' }),
    grants: z.array(grantSchema),
    status: z.enum(['active', 'expired', 'revoked']),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

const created = z
  .object({
    token: apiTokenSchema,
    secret: z.string().meta({ description: 'Send it as `Authorization: Bearer sct_…`. Shown this once: the platform keeps only its hash.' }),
  })
  .meta({ id: 'ApiTokenCreated' });

const list = z.object({ tokens: z.array(apiTokenSchema) });
const idParams = z.object({ id: z.coerce.number().int().positive() });

export function toApiTokenDto(t: ApiTokenView): z.output<typeof apiTokenSchema> {
  return {
    ...t,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * API tokens for machines: the secretariat for any grant a token may carry, a city's administrators for their city.
 * Answers never carry a secret except the one made by `POST`, once.
 */
export function apiTokenRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { apiTokens } = services.accounts;
  const secretariat = { access: { role: ['platform:secretariat'] as const } };
  const cityAdmins = { access: { role: ['platform:secretariat', 'city:administrator'] as const, scope: 'city' as const } };

  r.post(
    '/api/v1/tokens',
    {
      config: secretariat,
      schema: {
        tags,
        summary: 'Make an API token carrying the grants given (none that needs a second factor); the secret is shown once.',
        body: newApiTokenSchema,
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { token, secret } = await apiTokens.create(req.principal, req.body);
      return reply.status(201).header('cache-control', 'no-store').send({ token: toApiTokenDto(token), secret });
    },
  );

  r.get(
    '/api/v1/tokens',
    { config: secretariat, schema: { tags, summary: 'Every API token (never a secret).', response: { 200: list, ...errorResponses } } },
    async () => ({ tokens: (await apiTokens.list()).map(toApiTokenDto) }),
  );

  r.post(
    '/api/v1/tokens/:id/revoke',
    { config: secretariat, schema: { tags, summary: 'Revoke an API token: it stops working at once.', params: idParams, response: { 200: apiTokenSchema, ...errorResponses } } },
    async (req) => toApiTokenDto(await apiTokens.revoke(req.principal, req.params.id)),
  );

  r.post(
    '/api/v1/cities/:city/tokens',
    {
      config: cityAdmins,
      schema: {
        tags,
        summary: "Make an API token with roles in this city (the city's administrators and the secretariat); the secret is shown once.",
        params: z.object({ city: citySlugSchema }),
        body: z.object({ name: apiTokenNameSchema, roles: z.array(z.enum(allCityRoles)).min(1).max(allCityRoles.length), expiresInDays: apiTokenDaysSchema }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const grants = req.body.roles.map((role) => ({ role, scope: req.params.city }));
      const { token, secret } = await apiTokens.create(req.principal, { name: req.body.name, grants, expiresInDays: req.body.expiresInDays });
      return reply.status(201).header('cache-control', 'no-store').send({ token: toApiTokenDto(token), secret });
    },
  );

  r.get(
    '/api/v1/cities/:city/tokens',
    {
      config: cityAdmins,
      schema: { tags, summary: 'The API tokens carrying a role in this city (never a secret).', params: z.object({ city: citySlugSchema }), response: { 200: list, ...errorResponses } },
    },
    async (req) => ({ tokens: (await apiTokens.list({ city: req.params.city })).map(toApiTokenDto) }),
  );

  r.post(
    '/api/v1/cities/:city/tokens/:id/revoke',
    {
      config: cityAdmins,
      schema: { tags, summary: 'Revoke an API token of this city.', params: z.object({ city: citySlugSchema, id: z.coerce.number().int().positive() }), response: { 200: apiTokenSchema, ...errorResponses } },
    },
    async (req) => toApiTokenDto(await apiTokens.revoke(req.principal, req.params.id, req.params.city)),
  );
}
