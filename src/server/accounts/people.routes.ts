import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityRoles, type Scope } from '../../core/accounts/role.ts';
import { citySlugSchema, countryCodeSchema } from '../../core/cities/city.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { toUserDto, userSchema } from './account.schemas.ts';

const tags = ['accounts'];
const people = z.object({ users: z.array(userSchema) });

/**
 * Role administration within one scope: a city's administrators manage their city's people, a state's focal
 * points its governmental experts (the secretariat may do both, and everything through /api/v1/users). Only people
 * who already hold a role in the scope are reached, each with their roles there only; newcomers are invited.
 */
export function peopleRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { users } = services.accounts;
  const cityScope = async (slug: string): Promise<Scope> => {
    const city = await services.cities.get(slug);
    return { kind: 'city', id: city.id, slug: city.slug };
  };
  const countryScope = (code: string): Scope => ({ kind: 'country', id: code });

  const cityAccess = { access: { role: ['platform:secretariat', 'city:administrator'] as const, scope: 'city' as const } };
  const cityParams = z.object({ city: citySlugSchema });
  const cityPersonParams = cityParams.extend({ id: z.coerce.number().int().positive() });
  const cityRole = z.object({ role: z.enum(cityRoles) });

  r.get(
    '/api/v1/cities/:city/people',
    { config: cityAccess, schema: { tags, summary: 'The people holding a role in this city, with their roles here.', params: cityParams, response: { 200: people, ...errorResponses } } },
    async (req) => ({ users: (await users.listInScope(await cityScope(req.params.city))).map(toUserDto) }),
  );
  for (const change of ['grant', 'revoke'] as const) {
    r.post(
      change === 'grant' ? '/api/v1/cities/:city/people/:id/grants' : '/api/v1/cities/:city/people/:id/grants/revoke',
      {
        config: cityAccess,
        schema: {
          tags,
          summary: change === 'grant' ? 'Give a city role to someone who holds a role in this city.' : 'Take a city role back.',
          params: cityPersonParams,
          body: cityRole,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => {
        const input = { role: req.body.role, scope: req.params.city };
        return toUserDto(await users.changeInScope(req.params.id, input, req.principal, await cityScope(req.params.city), change));
      },
    );
  }

  const countryAccess = { access: { role: ['platform:secretariat', 'country:focal_point'] as const, scope: 'country' as const } };
  const countryParams = z.object({ country: countryCodeSchema });
  const countryPersonParams = countryParams.extend({ id: z.coerce.number().int().positive() });

  r.get(
    '/api/v1/countries/:country/people',
    { config: countryAccess, schema: { tags, summary: "The people holding a role for this state, with their roles for it.", params: countryParams, response: { 200: people, ...errorResponses } } },
    async (req) => ({ users: (await users.listInScope(countryScope(req.params.country))).map(toUserDto) }),
  );
  for (const change of ['grant', 'revoke'] as const) {
    r.post(
      change === 'grant' ? '/api/v1/countries/:country/people/:id/grants' : '/api/v1/countries/:country/people/:id/grants/revoke',
      {
        config: countryAccess,
        schema: {
          tags,
          summary: change === 'grant' ? "Make someone holding a role for this state one of its governmental experts." : 'Take a state role back.',
          params: countryPersonParams,
          body: z.object({ role: z.enum(['country:expert', 'country:focal_point']) }),
          response: { 200: userSchema, ...errorResponses },
        },
      },
      async (req) => {
        const input = { role: req.body.role, scope: req.params.country };
        return toUserDto(await users.changeInScope(req.params.id, input, req.principal, countryScope(req.params.country), change));
      },
    );
  }
}
