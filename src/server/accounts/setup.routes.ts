import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { newAccountSchema, sessionSchema, tokenBodySchema } from './account.schemas.ts';
import { answerSignedIn } from './auth.routes.ts';

const tags = ['auth'];
const refusals = { ...errorResponses, 410: errorBodySchema };

/** First run: the one-time link the server prints on an empty store creates the first administrator. */
export function setupRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { setup } = services.accounts;

  r.post(
    '/api/v1/setup/inspect',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether a first-run setup link still works, and until when.',
        body: tokenBodySchema,
        response: { 200: z.object({ expiresAt: z.string() }), ...refusals },
      },
    },
    async (req) => ({ expiresAt: (await setup.inspect(req.body.token)).expiresAt.toISOString() }),
  );

  r.post(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Create the first secretariat administrator with the first-run link, and sign them in.',
        description: 'Works once, only while the platform has no account. The second factor is set up next.',
        body: tokenBodySchema.extend(newAccountSchema.shape),
        response: { 201: sessionSchema, ...refusals },
      },
    },
    async (req, reply) => {
      const { token, ...account } = req.body;
      return answerSignedIn(req, reply, await setup.complete(token, account), 201);
    },
  );
}
