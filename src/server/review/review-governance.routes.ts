import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import {
  budgetLineInputSchema,
  contributionInputSchema,
  decisionInputSchema,
  followUpInputSchema,
  matchInputSchema,
  meetingInputSchema,
  offerInputSchema,
  outcomeInputSchema,
  recommendationInputSchema,
  spendingInputSchema,
  TA_MATCH_STATUSES,
} from '../../core/review/governance.ts';
import { actorOf } from '../http/access.ts';
import type { Services } from '../services.ts';
import { countryParam, langQuery, responses, reviewParams, stateReviewParams, tags } from './review.schemas.ts';

const secretariat: AccessRule = { role: ['platform:secretariat'] };
const boardRead: AccessRule = { role: ['platform:secretariat', 'platform:board'] };
const boardWrite: AccessRule = { role: ['platform:secretariat', 'platform:board'] };
const stateRead: AccessRule = { role: ['platform:secretariat', 'country:focal_point', 'country:expert'], scope: 'country' };

const idParam = z.coerce.number().int().positive();
const meetingParams = z.object({ meeting: idParam });
const outcomeParams = z.object({ meeting: idParam, outcome: idParam });
const recParams = z.object({ country: countryParam, id: idParam });

/** The Implementation Review Group, follow-up of recommendations, technical assistance and the budget. */
export function reviewGovernanceRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { irg, followUp, assistance, budget } = services.reviewReports;
  const { cycles } = services.review;
  const M = '/api/v1/review/irg/meetings';

  // Implementation Review Group
  r.get(M, { config: { access: boardRead }, schema: { tags, summary: 'Review Group meetings, newest first.', response: responses } }, async () => ({ meetings: await irg.meetings() }));
  r.post(M, { config: { access: secretariat }, schema: { tags, summary: 'Convene a meeting (Nairobi or online); an empty agenda takes the standard items.', body: meetingInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await irg.create(req.body, actorOf(req))),
  );
  r.get(`${M}/:meeting`, { config: { access: boardRead }, schema: { tags, summary: 'A meeting: agenda, documents, participants, outcomes and Board decisions.', params: meetingParams, response: responses } }, async (req) =>
    irg.meeting(req.params.meeting),
  );
  r.post(`${M}/:meeting/outcomes`, { config: { access: secretariat }, schema: { tags, summary: 'Record a recommendation or conclusion of the meeting.', params: meetingParams, body: outcomeInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await irg.addOutcome(req.params.meeting, req.body.kind, req.body.text, actorOf(req))),
  );
  r.post(`${M}/:meeting/outcomes/:outcome/adoption`, { config: { access: secretariat }, schema: { tags, summary: 'Record that the Group adopted it.', params: outcomeParams, response: responses } }, async (req) =>
    irg.advance(req.params.meeting, req.params.outcome, 'adopt', actorOf(req)),
  );
  r.post(`${M}/:meeting/outcomes/:outcome/transmission`, { config: { access: secretariat }, schema: { tags, summary: 'Transmit an adopted text to the Executive Board.', params: outcomeParams, response: responses } }, async (req) =>
    irg.advance(req.params.meeting, req.params.outcome, 'transmit', actorOf(req)),
  );
  r.post(
    `${M}/:meeting/outcomes/:outcome/decisions`,
    { config: { access: boardWrite }, schema: { tags, summary: "Record the Board's decision on a transmitted text.", params: outcomeParams, body: decisionInputSchema, response: responses } },
    async (req, reply) => reply.status(201).send(await irg.recordDecision(req.params.meeting, req.params.outcome, req.body, actorOf(req))),
  );

  // Follow-up
  r.post(
    '/api/v1/review/reviews/:review/recommendations',
    { config: { access: secretariat }, schema: { tags, summary: 'Record a recommendation to the state of a review, with its due date.', params: reviewParams, body: recommendationInputSchema, response: responses } },
    async (req, reply) => reply.status(201).send(await followUp.create(await cycles.review(req.params.review), req.body, actorOf(req))),
  );
  r.get(
    '/api/v1/review/countries/:country/recommendations',
    { config: { access: stateRead }, schema: { tags, summary: 'The recommendations to a state in every cycle, with their follow-up.', params: z.object({ country: countryParam }), response: responses } },
    async (req) => ({ recommendations: await followUp.ofCountry(req.params.country) }),
  );
  r.post(
    '/api/v1/review/countries/:country/recommendations/:id/updates',
    { config: { access: stateRead }, schema: { tags, summary: 'A follow-up update: status, what was done, evidence.', params: recParams, body: followUpInputSchema, response: responses } },
    async (req, reply) => reply.status(201).send(await followUp.update(req.params.country, req.params.id, req.body, actorOf(req))),
  );
  r.get(
    '/api/v1/review/countries/:country/checklists/:review/follow-up',
    { config: { access: stateRead }, schema: { tags, summary: "The earlier cycles' recommendations the checklist asks the state about.", params: stateReviewParams, response: responses } },
    async (req) => ({ recommendations: await followUp.askedIn(await cycles.review(req.params.review, req.params.country)) }),
  );

  // Technical assistance
  r.get(
    '/api/v1/review/assistance',
    { config: { access: boardRead }, schema: { tags, summary: "The register: needs from the checklists (states alphabetically in the reader's language), offers, matches.", querystring: langQuery, response: responses } },
    async (req) => assistance.register(req.query.lang),
  );
  r.post('/api/v1/review/assistance/offers', { config: { access: secretariat }, schema: { tags, summary: "Record a partner's offer.", body: offerInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await assistance.addOffer(req.body, actorOf(req))),
  );
  r.post('/api/v1/review/assistance/matches', { config: { access: secretariat }, schema: { tags, summary: 'Match a need with an offer.', body: matchInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await assistance.match(req.body, actorOf(req))),
  );
  r.put(
    '/api/v1/review/assistance/matches/:id',
    { config: { access: secretariat }, schema: { tags, summary: "A match's status.", params: z.object({ id: idParam }), body: z.object({ status: z.enum(TA_MATCH_STATUSES) }), response: responses } },
    async (req) => assistance.setMatchStatus(req.params.id, req.body.status, actorOf(req)),
  );

  // Budget
  r.get('/api/v1/review/budget', { config: { access: boardRead }, schema: { tags, summary: 'Budget lines with spending, contributions and spending (amounts in minor units).', response: responses } }, async () => budget.view());
  r.post('/api/v1/review/budget/lines', { config: { access: secretariat }, schema: { tags, summary: 'Add a line of the biennial budget.', body: budgetLineInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await budget.addLine(req.body, actorOf(req))),
  );
  r.post('/api/v1/review/budget/contributions', { config: { access: secretariat }, schema: { tags, summary: 'Record an unconditional voluntary contribution.', body: contributionInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await budget.addContribution(req.body, actorOf(req))),
  );
  r.post('/api/v1/review/budget/spending', { config: { access: secretariat }, schema: { tags, summary: 'Record spending against a line.', body: spendingInputSchema, response: responses } }, async (req, reply) =>
    reply.status(201).send(await budget.addSpending(req.body, actorOf(req))),
  );
}
