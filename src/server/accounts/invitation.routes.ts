import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cityRoles, grantInputSchema } from '../../core/accounts/role.ts';
import { displayNameSchema, emailSchema, passwordInputSchema } from '../../core/accounts/user.ts';
import { citySlugSchema, countryCodeSchema } from '../../core/cities/city.ts';
import { errorBodySchema, errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import { grantSchema, languageSchema, sessionSchema, tokenBodySchema } from './account.schemas.ts';
import { answerSignedIn } from './auth.routes.ts';

const tags = ['accounts'];
const refusals = { ...errorResponses, 410: errorBodySchema, 502: errorBodySchema };
const invitee = { email: emailSchema, displayName: displayNameSchema.optional(), language: languageSchema };
const sent = z.object({ id: z.number().int(), email: z.string(), expiresAt: z.string() }).meta({ id: 'InvitationSent' });
const toSent = (x: { id: number; email: string; expiresAt: Date }) => ({ id: x.id, email: x.email, expiresAt: x.expiresAt.toISOString() });

/** Invitations: by the secretariat (any role), a city's administrator (its city roles), a focal point (its experts). */
export function invitationRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { invitations } = services.accounts;

  r.post(
    '/api/v1/invitations',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags,
        summary: 'Invite someone by mail to the roles given; the link works once and expires after 10 days.',
        body: z.object({ ...invitee, grants: z.array(grantInputSchema).min(1).max(50) }),
        response: { 201: sent, ...refusals },
      },
    },
    async (req, reply) => reply.status(201).send(toSent(await invitations.invite(req.principal, req.body))),
  );

  r.post(
    '/api/v1/cities/:city/invitations',
    {
      config: { access: { role: ['platform:secretariat', 'city:administrator'], scope: 'city' } },
      schema: {
        tags,
        summary: "Invite someone to roles in this city (the city's administrators and the secretariat).",
        params: z.object({ city: citySlugSchema }),
        body: z.object({ ...invitee, roles: z.array(z.enum(cityRoles)).min(1).max(4) }),
        response: { 201: sent, ...refusals },
      },
    },
    async (req, reply) => {
      const grants = req.body.roles.map((role) => ({ role, scope: req.params.city }));
      return reply.status(201).send(toSent(await invitations.invite(req.principal, { ...req.body, grants })));
    },
  );

  r.post(
    '/api/v1/countries/:country/invitations',
    {
      config: { access: { role: ['platform:secretariat', 'country:focal_point'], scope: 'country' } },
      schema: {
        tags,
        summary: "Invite someone to a state's roles: a focal point invites its governmental experts.",
        params: z.object({ country: countryCodeSchema }),
        body: z.object({ ...invitee, roles: z.array(z.enum(['country:expert', 'country:focal_point'])).min(1).max(2) }),
        response: { 201: sent, ...refusals },
      },
    },
    async (req, reply) => {
      const grants = req.body.roles.map((role) => ({ role, scope: req.params.country }));
      return reply.status(201).send(toSent(await invitations.invite(req.principal, { ...req.body, grants })));
    },
  );

  r.post(
    '/api/v1/invitations/inspect',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation link offers, while it works.',
        body: tokenBodySchema,
        response: {
          200: z.object({
            email: z.string(),
            displayName: z.string().nullable(),
            grants: z.array(grantSchema),
            expiresAt: z.string(),
            accountExists: z.boolean(),
          }),
          ...refusals,
        },
      },
    },
    async (req) => {
      const view = await invitations.inspect(req.body.token);
      return { ...view, expiresAt: view.expiresAt.toISOString() };
    },
  );

  r.post(
    '/api/v1/invitations/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation: create the account and sign in, or add the roles to your signed-in account.',
        body: tokenBodySchema.extend({ displayName: displayNameSchema.optional(), password: passwordInputSchema.optional() }),
        response: { 200: z.object({ added: z.literal(true) }), 201: sessionSchema, ...refusals },
      },
    },
    async (req, reply) => {
      const { token, ...input } = req.body;
      const outcome = await invitations.accept(token, input, req.principal);
      if ('added' in outcome) return reply.status(200).send(outcome);
      return answerSignedIn(req, reply, outcome, 201);
    },
  );
}
