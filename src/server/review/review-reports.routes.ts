import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { UN_LANGUAGES } from '../../core/reference/un-languages.ts';
import { CALENDAR_CSV_COLUMNS } from '../../core/review/calendar.ts';
import { SECTION_IDS } from '../../core/review/checklist-template.data.ts';
import { consentInputSchema, translationInputSchema } from '../../core/review/report.ts';
import { actorOf } from '../http/access.ts';
import type { Services } from '../services.ts';
import { countryParam, cycleParams, langQuery, responses, reviewParams, stateReviewParams, tags } from './review.schemas.ts';

const secretariat: AccessRule = { role: ['platform:secretariat'] };
const stateRead: AccessRule = { role: ['platform:secretariat', 'country:focal_point', 'country:expert'], scope: 'country' };
const focalPoint: AccessRule = { role: ['platform:secretariat', 'country:focal_point'], scope: 'country' };
const reviewerRead: AccessRule = { role: ['platform:secretariat', 'review:peer_reviewer'], scope: 'review' };
const translator: AccessRule = { role: ['platform:secretariat', 'language:translator'], scope: 'language' };
const boardRead: AccessRule = { role: ['platform:secretariat', 'platform:board'] };

const openDataQuery = langQuery.extend({ format: z.enum(['json', 'csv']).default('json') });
const idParam = z.coerce.number().int().positive();
const docParams = stateReviewParams.extend({ id: idParam });

/**
 * Reports, translations and publication, and the public side: the calendar, the states' published documents and the
 * open data. Public routes show only published texts and, on the calendar, each state's stage and dates.
 */
export function reviewReportRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { reports } = services.reviewReports;
  const { cycles } = services.review;

  // Public

  r.get(
    '/api/v1/review/calendar',
    {
      config: { access: 'public' },
      schema: { tags, summary: "The public calendar: each participating state's stage and dates, in date order (JSON or CSV).", querystring: openDataQuery, response: responses },
    },
    async (req, reply) => {
      const entries = await reports.calendar(req.query.lang);
      if (req.query.format === 'json') return { entries };
      const rows = entries.map((e) => CALENDAR_CSV_COLUMNS.map((c) => String(e[c] ?? '')));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="review-calendar.csv"').send(stringify([[...CALENDAR_CSV_COLUMNS], ...rows]));
    },
  );

  r.get(
    '/api/v1/review/published',
    {
      config: { access: 'public' },
      schema: { tags, summary: "Open data: every published review document (states alphabetically in the reader's language), JSON or CSV.", querystring: openDataQuery, response: responses },
    },
    async (req, reply) => {
      const docs = await reports.published(req.query.lang);
      if (req.query.format === 'json') return { documents: docs };
      const cols = ['id', 'kind', 'cycle', 'country', 'name', 'section', 'publishedAt', 'languages', 'language', 'body'] as const;
      const rows = docs.map((d) => [d.id, d.kind, d.cycle ?? '', d.country ?? '', d.name ?? '', d.section ?? '', d.publishedAt.toISOString(), d.languages.join(' '), d.language, d.body].map(String));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="review-documents.csv"').send(stringify([[...cols], ...rows]));
    },
  );

  r.get(
    '/api/v1/review/public/states/:country',
    {
      config: { access: 'public' },
      schema: { tags, summary: "A state's public page: its published review documents in the reader's language.", params: z.object({ country: countryParam }), querystring: langQuery, response: responses },
    },
    async (req) => ({ country: req.params.country, documents: await reports.published(req.query.lang, { country: req.params.country }) }),
  );

  // A review's documents

  r.post(
    '/api/v1/review/reviews/:review/documents',
    {
      config: { access: secretariat },
      schema: {
        tags,
        summary: 'Generate the first draft of the report, executive summary or self-assessment from the checklist and the dialogue (the secretariat).',
        params: reviewParams,
        body: z.object({ kind: z.enum(['report', 'executive_summary', 'self_assessment']) }),
        response: responses,
      },
    },
    async (req, reply) => reply.status(201).send(await reports.generate(await cycles.review(req.params.review), req.body.kind, actorOf(req))),
  );

  r.get(
    '/api/v1/review/reviews/:review/documents',
    { config: { access: reviewerRead }, schema: { tags, summary: "A review's documents with their texts per language and what blocks publication.", params: reviewParams, response: responses } },
    async (req) => reports.documentsOf((await cycles.review(req.params.review)).reviewId, actorOf(req)),
  );

  r.get(
    '/api/v1/review/countries/:country/reviews/:review/documents',
    { config: { access: stateRead }, schema: { tags, summary: "The state's view of its review's documents and its consents.", params: stateReviewParams, response: responses } },
    async (req) => reports.documentsOf((await cycles.review(req.params.review, req.params.country)).reviewId, actorOf(req)),
  );

  r.post(
    '/api/v1/review/countries/:country/reviews/:review/documents/:id/approval',
    { config: { access: focalPoint }, schema: { tags, summary: "Record the state's approval of the final text (its focal point).", params: docParams, response: responses } },
    async (req) => reports.approve(await cycles.review(req.params.review, req.params.country), req.params.id, actorOf(req)),
  );

  r.put(
    '/api/v1/review/countries/:country/reviews/:review/consents',
    {
      config: { access: focalPoint },
      schema: { tags, summary: "Record the state's consent to publish its full report or self-assessment, or to be named in thematic reports.", params: stateReviewParams, body: consentInputSchema, response: responses },
    },
    async (req) => ({ consents: await reports.setConsent(await cycles.review(req.params.review, req.params.country), req.body.subject, req.body.given, actorOf(req)) }),
  );

  r.put(
    '/api/v1/review/translations/:language/documents/:id',
    {
      config: { access: translator },
      schema: {
        tags,
        summary: "Write one language's text of a document and its status, draft or verified (a translator of that language, or the secretariat editing a draft).",
        params: z.object({ language: z.enum(UN_LANGUAGES), id: idParam }),
        body: translationInputSchema,
        response: responses,
      },
    },
    async (req) => reports.translate(req.params.id, req.params.language, req.body, actorOf(req)),
  );

  r.get(
    '/api/v1/review/translations/:language/documents/:id',
    { config: { access: translator }, schema: { tags, summary: 'A document to translate: its texts in every language.', params: z.object({ language: z.enum(UN_LANGUAGES), id: idParam }), response: responses } },
    async (req) => reports.forTranslator(req.params.id, req.params.language, actorOf(req)),
  );

  r.post(
    '/api/v1/review/documents/:id/publication',
    { config: { access: secretariat }, schema: { tags, summary: 'Publish a document once the rules are met; 409 naming what still blocks it.', params: z.object({ id: idParam }), response: responses } },
    async (req) => reports.publish(req.params.id, actorOf(req)),
  );

  r.get(
    '/api/v1/review/publication-blockers',
    { config: { access: secretariat }, schema: { tags, summary: 'Every unpublished document, what blocks its publication and since when.', querystring: langQuery, response: responses } },
    async (req) => ({ documents: await reports.blocked(req.query.lang) }),
  );

  // Thematic reports

  r.post(
    '/api/v1/review/cycles/:cycle/thematic-reports',
    {
      config: { access: secretariat },
      schema: { tags, summary: "Generate the draft thematic implementation report of a cycle for one guideline section, in six languages.", params: cycleParams, body: z.object({ section: z.enum(SECTION_IDS) }), response: responses },
    },
    async (req, reply) => reply.status(201).send(await reports.generateThematic(req.params.cycle, req.body.section, actorOf(req))),
  );

  r.get(
    '/api/v1/review/cycles/:cycle/thematic-reports',
    { config: { access: boardRead }, schema: { tags, summary: "A cycle's thematic reports with their texts and what blocks publication.", params: cycleParams, response: responses } },
    async (req) => ({ documents: await reports.thematicReports(req.params.cycle, actorOf(req)) }),
  );
}
