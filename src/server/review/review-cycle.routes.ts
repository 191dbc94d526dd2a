import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CURRENT_CHECKLIST_VERSION, checklistTemplate } from '../../core/review/checklist.ts';
import { approvalSchema, newCycleSchema, participationRequestSchema, REVIEW_STAGES } from '../../core/review/cycle.ts';
import { reviewSideOf } from '../../core/review/review-side.ts';
import { actorOf } from '../http/access.ts';
import type { Services } from '../services.ts';
import { countryParam, cycleParams, langQuery, responses, reviewParams, tags } from './review.schemas.ts';
import { loadReviewExample } from './review-example.ts';

/** Cycles, participation, the Board's approval, reviewers (issue 8 items 1–2). */
export function reviewCycleRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cycles } = services.review;

  r.get(
    '/api/v1/review/cycles',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Review cycles, newest Board decision first.', response: responses },
    },
    async () => ({ cycles: await cycles.listCycles() }),
  );

  r.post(
    '/api/v1/review/cycles',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: { tags, summary: 'Open a review cycle the Executive Board approved (the secretariat).', body: newCycleSchema, response: responses },
    },
    async (req, reply) => reply.status(201).send(await cycles.createCycle(req.body, actorOf(req))),
  );

  r.get(
    '/api/v1/review/cycles/:cycle',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One cycle: Board decision, scope, stages with deadlines.', params: cycleParams, response: responses },
    },
    async (req) => cycles.cycle(req.params.cycle),
  );

  r.get(
    '/api/v1/review/cycles/:cycle/participants',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A cycle's states, alphabetically in the reader's language, with their stage, and the regional balance (warnings, never blocks).",
        params: cycleParams,
        querystring: langQuery,
        response: responses,
      },
    },
    async (req) =>
      cycles.participants(req.params.cycle, req.query.lang, { secretariat: reviewSideOf(req.principal, { country: '', reviewId: '' }) === 'secretariat' }),
  );

  r.post(
    '/api/v1/review/cycles/:cycle/participants/:country',
    {
      config: { access: { role: ['platform:secretariat', 'country:focal_point'], scope: 'country' } },
      schema: {
        tags,
        summary: "A state's request to take part (its focal point, or the secretariat on its behalf).",
        params: z.object({ cycle: cycleParams.shape.cycle, country: countryParam }),
        body: participationRequestSchema,
        response: responses,
      },
    },
    async (req, reply) => reply.status(201).send(await cycles.requestParticipation(req.params.cycle, req.params.country, req.body.language, actorOf(req))),
  );

  r.post(
    '/api/v1/review/cycles/:cycle/participants/:country/approval',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags,
        summary: "Record the Board's approval of a state's participation: its review, checklist and proposal open.",
        params: z.object({ cycle: cycleParams.shape.cycle, country: countryParam }),
        body: approvalSchema,
        response: responses,
      },
    },
    async (req) => cycles.approve(req.params.cycle, req.params.country, req.body.boardDecisionSymbol, actorOf(req)),
  );

  r.get(
    '/api/v1/review/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "The reviews the signed-in person takes part in, and as what (state, reviewer, secretariat); states alphabetically in the reader's language.",
        querystring: langQuery,
        response: responses,
      },
    },
    async (req) => ({ reviews: await cycles.myReviews(req.principal, req.query.lang) }),
  );

  r.post(
    '/api/v1/review/reviews/:review/reviewers',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: {
        tags,
        summary: 'Assign a peer reviewer to one review (grants review:peer_reviewer scoped to it).',
        params: reviewParams,
        body: z.object({ userId: z.number().int().positive() }),
        response: responses,
      },
    },
    async (req, reply) => {
      await cycles.assignReviewer(req.params.review, req.body.userId, req.principal, actorOf(req));
      return reply.status(204).send();
    },
  );

  r.put(
    '/api/v1/review/reviews/:review/stage',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: { tags, summary: 'Move a review to a stage of its cycle (the secretariat).', params: reviewParams, body: z.object({ stage: z.enum(REVIEW_STAGES) }), response: responses },
    },
    async (req) => cycles.setStage(req.params.review, req.body.stage, actorOf(req)),
  );

  r.post(
    '/api/v1/review/example',
    {
      config: { access: { role: ['platform:secretariat'] } },
      schema: { tags, summary: 'Load the EXAMPLE cycle (training data; never loaded by default).', response: responses },
    },
    async (req, reply) => reply.status(201).send(await loadReviewExample(services, actorOf(req))),
  );

  r.get(
    '/api/v1/review/checklist-templates/current',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'The current checklist template: questions by section, each citing its paragraph, in six languages.', response: responses },
    },
    async () => checklistTemplate(CURRENT_CHECKLIST_VERSION)!,
  );

  r.get(
    '/api/v1/review/mail-preference',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'How review mail reaches me: immediate, digest or none.', response: responses } },
    async (req) => ({ mode: req.principal.kind === 'user' ? await services.review.mail.mode(req.principal.userId) : 'none' }),
  );

  r.put(
    '/api/v1/review/mail-preference',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Choose immediate review mail, a daily digest, or none.', body: z.object({ mode: z.enum(['immediate', 'digest', 'none']) }), response: responses },
    },
    async (req, reply) => {
      if (req.principal.kind === 'user') await services.review.mail.setMode(req.principal.userId, req.body.mode, actorOf(req));
      return reply.status(204).send();
    },
  );
}
