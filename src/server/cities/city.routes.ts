import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { citySlugSchema, newCitySchema, toPublicCity } from '../../core/cities/city.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';

const publicCitySchema = z
  .object({ slug: z.string(), name: z.string(), country: z.string() })
  .meta({ id: 'PublicCity' });

const citySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    country: z.string(),
    timezone: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'City' });

export function cityRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/cities',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cities'],
        summary: 'List the cities on this platform (public fields).',
        response: { 200: z.object({ cities: z.array(publicCitySchema) }) },
      },
    },
    async () => ({ cities: (await services.cities.list()).map(toPublicCity) }),
  );

  r.get(
    '/api/v1/cities/:city',
    {
      config: { access: 'public' },
      schema: {
        tags: ['cities'],
        summary: 'One city (public fields).',
        params: z.object({ city: citySlugSchema }),
        response: { 200: publicCitySchema, ...errorResponses },
      },
    },
    async (req) => toPublicCity(await services.cities.get(req.params.city)),
  );

  r.post(
    '/api/v1/cities',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags: ['cities'],
        summary: 'Create a city (the secretariat, or the operator).',
        security: [{ bearer: [] }],
        body: newCitySchema,
        response: { 201: citySchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const city = await services.cities.create(req.body, actorOf(req));
      return reply.status(201).send({
        slug: city.slug,
        name: city.name,
        country: city.country,
        timezone: city.timezone,
        createdAt: city.createdAt.toISOString(),
      });
    },
  );
}
