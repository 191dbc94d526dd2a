import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../services.ts';
import { HealthRepository } from './health.repository.ts';

export function healthRoutes(app: FastifyInstance, services: Services, version: string): void {
  const health = new HealthRepository(services.store.db);
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
      await health.ping();
      return { status: 'ok' as const, version, store: services.store.kind };
    },
  );
}
