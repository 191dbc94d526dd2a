import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantInputSchema } from '../../core/accounts/role.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { newAccountSchema, toUserDto, userIdParams, userSchema } from './account.schemas.ts';

const tags = ['accounts'];

/** People and their roles, for the secretariat; the operator's way to create an administrator. */
export function userRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { users } = services.accounts;
  const secretariat = { access: { role: ['platform:secretariat'] as const } };

  r.get(
    '/api/v1/users',
    { config: secretariat, schema: { tags, summary: 'Every account with its roles.', response: { 200: z.object({ users: z.array(userSchema) }), ...errorResponses } } },
    async () => ({ users: (await users.list()).map(toUserDto) }),
  );

  r.get(
    '/api/v1/users/:id',
    { config: secretariat, schema: { tags, summary: 'One account with its roles.', params: userIdParams, response: { 200: userSchema, ...errorResponses } } },
    async (req) => toUserDto(await users.get(req.params.id)),
  );

  for (const [action, active] of [['deactivate', false], ['activate', true]] as const) {
    r.post(
      `/api/v1/users/:id/${action}`,
      {
        config: secretariat,
        schema: {
          tags,
          summary: active ? 'Reactivate an account.' : 'Deactivate an account: it can no longer sign in and its sessions end.',
          params: userIdParams,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => toUserDto(await users.setActive(req.params.id, active, actorOf(req))),
    );
  }

  r.post(
    '/api/v1/users/:id/grants',
    {
      config: secretariat,
      schema: { tags, summary: 'Grant a role in a scope.', params: userIdParams, body: grantInputSchema, response: { 200: userSchema, ...errorResponses } },
    },
    async (req) => toUserDto(await users.grant(req.params.id, req.body, req.principal)),
  );

  r.post(
    '/api/v1/users/:id/grants/revoke',
    {
      config: secretariat,
      schema: { tags, summary: 'Revoke a role in a scope.', params: userIdParams, body: grantInputSchema, response: { 200: userSchema, ...errorResponses } },
    },
    async (req) => toUserDto(await users.revoke(req.params.id, req.body, req.principal)),
  );

  r.post(
    '/api/v1/admin/accounts',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        summary: 'Create a secretariat administrator (the operator: `safer admin create` while the server runs).',
        security: [{ bearer: [] }],
        body: newAccountSchema,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(toUserDto(await users.createAdministrator(req.body, actorOf(req)))),
  );
}
