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
import type { InvitationListItem } from './invitation.service.ts';

const tags = ['accounts'];
const refusals = { ...errorResponses, 410: errorBodySchema, 502: errorBodySchema };
const invitee = { email: emailSchema, displayName: displayNameSchema.optional(), language: languageSchema };
const sent = z.object({ id: z.number().int(), email: z.string(), expiresAt: z.string() }).meta({ id: 'InvitationSent' });
const listed = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string().nullable(),
    grants: z.array(grantSchema),
    status: z.enum(['open', 'used', 'revoked', 'expired']),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
const toListed = (i: InvitationListItem) => ({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() });
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

  invitationListRoutes(app, services);

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

/** The invitations one sent or may revoke: all for the secretariat, a city's for its administrators, a state's for its focal points. */
function invitationListRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { invitations } = services.accounts;
  const list = z.object({ invitations: z.array(listed) });
  const id = z.coerce.number().int().positive();

  r.get(
    '/api/v1/invitations',
    { config: { access: { role: ['platform:secretariat'] } }, schema: { tags, summary: 'Every invitation, newest first (never its link).', response: { 200: list, ...errorResponses } } },
    async () => ({ invitations: (await invitations.list()).map(toListed) }),
  );
  r.post(
    '/api/v1/invitations/:id/revoke',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: { tags, summary: 'Revoke an open invitation: its link stops working.', params: z.object({ id }), response: { 200: listed, ...errorResponses } },
    },
    async (req) => toListed(await invitations.revoke(req.principal, req.params.id)),
  );

  const city = { access: { role: ['platform:secretariat', 'city:administrator'] as const, scope: 'city' as const } };
  r.get(
    '/api/v1/cities/:city/invitations',
    { config: city, schema: { tags, summary: "Invitations offering a role in this city.", params: z.object({ city: citySlugSchema }), response: { 200: list, ...errorResponses } } },
    async (req) => ({ invitations: (await invitations.list({ kind: 'city', id: req.params.city })).map(toListed) }),
  );
  r.post(
    '/api/v1/cities/:city/invitations/:id/revoke',
    { config: city, schema: { tags, summary: 'Revoke an open invitation to this city.', params: z.object({ city: citySlugSchema, id }), response: { 200: listed, ...errorResponses } } },
    async (req) => toListed(await invitations.revoke(req.principal, req.params.id, { kind: 'city', id: req.params.city })),
  );

  const country = { access: { role: ['platform:secretariat', 'country:focal_point'] as const, scope: 'country' as const } };
  r.get(
    '/api/v1/countries/:country/invitations',
    { config: country, schema: { tags, summary: "Invitations offering a role for this state.", params: z.object({ country: countryCodeSchema }), response: { 200: list, ...errorResponses } } },
    async (req) => ({ invitations: (await invitations.list({ kind: 'country', id: req.params.country })).map(toListed) }),
  );
  r.post(
    '/api/v1/countries/:country/invitations/:id/revoke',
    {
      config: country,
      schema: { tags, summary: 'Revoke an open invitation for this state.', params: z.object({ country: countryCodeSchema, id }), response: { 200: listed, ...errorResponses } },
    },
    async (req) => toListed(await invitations.revoke(req.principal, req.params.id, { kind: 'country', id: req.params.country })),
  );
}
