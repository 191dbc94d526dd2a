import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { categoryCodeSchema, categoryInputSchema } from '../../core/community/category.ts';
import { moderationActionSchema, moderationStates, reportInputSchema } from '../../core/community/report.ts';
import { auditInputSchema } from '../../core/community/safety-audit.ts';
import { actorOf } from '../http/access.ts';
import type { Services } from '../services.ts';
import type { Limit } from './abuse.ts';

/** Who moderates a city's reports. */
export const moderators: AccessRule = { role: ['city:moderator', 'city:administrator', 'platform:secretariat'], scope: 'city' };
const administrators: AccessRule = { role: ['city:administrator', 'platform:secretariat'], scope: 'city' };

const cityParams = z.object({ city: citySlugSchema });
const reportParams = z.object({ city: citySlugSchema, id: z.string().regex(/^[a-z2-7]{10}$/, 'a report id') });
const followParams = z.object({ city: citySlugSchema, token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a follow token') });
const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces').optional(),
});
const tags = ['community'];

/** The JSON API of community reporting: categories, reports, the follow link, moderation, public map, audits. */
export function communityRoutes(app: FastifyInstance, services: Services, limit: Limit): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { community, moderation, communityPublic } = services;

  r.get(
    '/api/v1/cities/:city/community/categories',
    { config: { access: 'public' }, schema: { tags, summary: 'Report categories of the city (service codes, names, sensitive flag).', params: cityParams } },
    async (req) => ({ categories: await community.categories(req.params.city) }),
  );

  r.put(
    '/api/v1/cities/:city/community/categories/:code',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Adds or changes a category (its code is its Open311 service code).',
        params: z.object({ city: citySlugSchema, code: categoryCodeSchema }),
        body: categoryInputSchema.omit({ code: true }),
      },
    },
    async (req) => ({ categories: await community.setCategory(req.params.city, { ...req.body, code: req.params.code }, actorOf(req)) }),
  );

  r.get(
    '/api/v1/cities/:city/community/settings',
    { config: { access: administrators }, schema: { tags, summary: 'Retention of contact details and extra languages.', params: cityParams } },
    async (req) => {
      const ctx = await community.context(req.params.city);
      return { contactRetentionDays: ctx.contactRetentionDays, languages: ctx.languages };
    },
  );

  r.put(
    '/api/v1/cities/:city/community/settings',
    {
      config: { access: administrators },
      schema: {
        tags,
        summary: 'Sets how many days contact details are kept, and extra languages of the community pages.',
        params: cityParams,
        body: z.object({
          contactRetentionDays: z.number().int().min(1).max(3650),
          languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)).max(20).default([]),
        }),
      },
    },
    async (req) => community.setSettings(req.params.city, req.body, actorOf(req)),
  );

  r.post(
    '/api/v1/cities/:city/community/reports',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Reports an unsafe place (anonymous). With Idempotency-Key, a retry returns the first answer.',
        description:
          '`location` is `{ lat, lon }`, `{ unit }` or `{ landmark }`. The answer holds `followToken`, the key of the private ' +
          'follow link (shown once). The exact point and the contact are never public; no network address is stored.',
        params: cityParams,
        headers: idempotencyHeaders,
        body: reportInputSchema,
      },
    },
    async (req, reply) => {
      await limit(req, req.params.city);
      const { answer, replayed } = await community.submit(req.params.city, req.body, { idempotencyKey: req.headers['idempotency-key'], source: 'api' });
      if (replayed) reply.header('idempotent-replayed', 'true');
      else communityPublic.invalidate(req.params.city);
      return reply.status(201).send(answer);
    },
  );

  r.get(
    '/api/v1/cities/:city/community/follow/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'The report behind a private follow link: status, public answers.', params: followParams } },
    async (req) => followView(await community.follow(req.params.city, req.params.token)),
  );

  r.post(
    '/api/v1/cities/:city/community/follow/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Adds to a report through its follow link (moderated before anything is shown).', params: followParams, body: z.object({ text: z.string().trim().min(1).max(5000) }) },
    },
    async (req) => {
      await limit(req, req.params.city);
      return followView(await community.addToReport(req.params.city, req.params.token, req.body.text));
    },
  );

  r.get(
    '/api/v1/cities/:city/community/moderation/reports',
    {
      config: { access: moderators },
      schema: {
        tags,
        summary: "The moderators' queue, newest first (pending by default), with personal-data flags and a redacted suggestion.",
        params: cityParams,
        querystring: z.object({ state: z.enum([...moderationStates, 'all']).default('pending'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      },
    },
    async (req) => ({ reports: await moderation.queue(req.params.city, req.query.state === 'all' ? undefined : req.query.state, req.query.limit) }),
  );

  r.get(
    '/api/v1/cities/:city/community/moderation/reports/:id',
    { config: { access: moderators }, schema: { tags, summary: 'One report with all its events.', params: reportParams } },
    async (req) => moderation.get(req.params.city, req.params.id),
  );

  r.get(
    '/api/v1/cities/:city/community/moderation/reports/:id/private',
    { config: { access: moderators }, schema: { tags, summary: 'The exact point and the contact details (every read is audited).', params: reportParams } },
    async (req) => moderation.privateDetails(req.params.city, req.params.id, actorOf(req)),
  );

  r.get(
    '/api/v1/cities/:city/community/moderation/reports/:id/photos/:n',
    {
      config: { access: moderators },
      schema: { tags, summary: 'A photo of the report (re-encoded, without metadata).', params: reportParams.extend({ n: z.coerce.number().int().min(0).max(9) }) },
    },
    async (req, reply) => {
      const p = await moderation.photo(req.params.city, req.params.id, req.params.n);
      return reply.type(p.mime).header('cache-control', 'private, no-store').send(Buffer.from(p.data));
    },
  );

  r.post(
    '/api/v1/cities/:city/community/moderation/reports/:id/actions',
    {
      config: { access: moderators },
      schema: { tags, summary: 'approve, redact, hide, merge, forward, answer or set the status.', params: reportParams, body: moderationActionSchema },
    },
    async (req) => moderation.act(req.params.city, req.params.id, req.body, actorOf(req)),
  );

  r.get(
    '/api/v1/cities/:city/community/map',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Public map: approved, non-sensitive reports counted per H3 cell (resolution 8) and category; small counts suppressed.',
        params: cityParams,
        querystring: z.object({ lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).default('en') }),
      },
    },
    async (req, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=10')
        .send(await communityPublic.mapJson(req.params.city, req.query.lang)),
  );

  r.get(
    '/api/v1/cities/:city/community/stats',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Public counts per unit and category (small counts suppressed) and response times per department.', params: cityParams },
    },
    async (req, reply) => reply.header('cache-control', 'public, max-age=10').send(await communityPublic.stats(req.params.city)),
  );

  r.post(
    '/api/v1/cities/:city/community/audits',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A safety audit of a place: nine parameters, each 0 (poor) to 3 (good).', params: cityParams, body: auditInputSchema },
    },
    async (req, reply) => {
      await limit(req, req.params.city);
      return reply.status(201).send(await communityPublic.submitAudit(req.params.city, req.body));
    },
  );

  r.get(
    '/api/v1/cities/:city/community/audits',
    { config: { access: 'public' }, schema: { tags, summary: 'Safety audits aggregated per H3 cell and per unit (means of each parameter).', params: cityParams } },
    async (req, reply) => reply.header('cache-control', 'public, max-age=10').send(await communityPublic.auditMap(req.params.city)),
  );
}

function followView(v: Awaited<ReturnType<Services['community']['follow']>>) {
  const r = v.report;
  return {
    id: r.id,
    category: r.category,
    categoryNames: v.category?.names ?? {},
    status: r.status,
    published: r.moderation === 'approved',
    publicDescription: r.moderation === 'approved' ? r.publicDescription : null,
    submittedAt: r.submittedAt.toISOString(),
    events: v.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status, department: e.department, body: e.body })),
  };
}
