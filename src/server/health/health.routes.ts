import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Services } from '../services.ts';

export function healthRoutes(app: FastifyInstance, services: Services, version: string): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness and store check.',
        response: {
          200: z.object({ status: z.literal('ok'), version: z.string(), store: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(services.store.db);
      return { status: 'ok' as const, version, store: services.store.kind };
    },
  );
}
