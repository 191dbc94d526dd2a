import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { answerSchema } from '../../core/review/checklist.ts';
import { confidentialitySchema } from '../../core/review/confidentiality.ts';
import type { Participation } from '../../core/review/cycle.ts';
import { proposalContentSchema, proposalTemplateSchema } from '../../core/review/proposal.ts';
import { actorOf } from '../http/access.ts';
import type { Services } from '../services.ts';
import { langQuery, questionIdSchema, responses, reviewParams, stateReviewParams, tags } from './review.schemas.ts';
import { type ExportFormat, exportFormats, renderExport } from './review-export.ts';

const stateRead: AccessRule = { role: ['platform:secretariat', 'country:focal_point', 'country:expert'], scope: 'country' };
const stateDraft: AccessRule = { role: ['country:focal_point', 'country:expert'], scope: 'country' };
const focalPoint: AccessRule = { role: ['country:focal_point'], scope: 'country' };
const reviewerRead: AccessRule = { role: ['platform:secretariat', 'review:peer_reviewer'], scope: 'review' };

const versionsQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(0) });
const threadBody = z.object({
  questionId: questionIdSchema.nullable().default(null),
  confidentiality: confidentialitySchema.default('state_and_reviewers'),
  body: z.string().trim().min(1).max(20000),
});
const messageBody = z.object({ body: z.string().trim().min(1).max(20000) });
const exportQuery = langQuery.extend({ format: z.enum(exportFormats).default('html') });

/**
 * The checklist, its versions, evidence, the proposal, dialogue and exports. Two families of routes over the same
 * services: the state's (`/countries/:country/…`, its focal points and experts, and the secretariat) and the
 * reviewers' (`/reviews/:review/…`, the reviewers of that review, and the secretariat). Every read goes through the
 * service, which applies the confidentiality level for the reader's side.
 */
export function reviewChecklistRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { cycles, checklists, dialogue } = services.review;
  const stateReview = (p: { country: string; review: string }) => cycles.review(p.review, p.country);
  const S = '/api/v1/review/countries/:country';
  const R = '/api/v1/review/reviews/:review';

  // The checklist
  r.get(`${S}/checklists/:review`, { config: { access: stateRead }, schema: { tags, summary: "A state's checklist: questions in scope, working answers, progress per section, submitted versions.", params: stateReviewParams, response: responses } }, async (req) =>
    checklists.view(await stateReview(req.params), req.principal, actorOf(req)),
  );
  r.get(`${R}/checklist`, { config: { access: reviewerRead }, schema: { tags, summary: 'The checklist as the reviewers see it: the latest cleared submission.', params: reviewParams, response: responses } }, async (req) =>
    checklists.view(await cycles.review(req.params.review), req.principal, actorOf(req)),
  );

  r.put(
    `${S}/checklists/:review/answers/:question`,
    {
      config: { access: stateRead },
      schema: {
        tags,
        summary: 'Save one answer. `version` is the version you read (0 for a new answer); an older one is refused with 409 naming the question.',
        params: stateReviewParams.extend({ question: questionIdSchema }),
        body: z.object({ version: z.number().int().min(0), answer: answerSchema }),
        response: responses,
      },
    },
    async (req) => checklists.saveAnswer(await stateReview(req.params), req.params.question, req.body.version, req.body.answer, req.principal, actorOf(req)),
  );

  r.post(
    `${S}/checklists/:review/evidence`,
    {
      config: { access: stateRead },
      schema: {
        tags,
        summary: 'Upload an evidence file (base64, up to 5 MiB) for a question; cite it in the answer as { kind: "file", fileId }.',
        params: stateReviewParams,
        body: z.object({ questionId: questionIdSchema, name: z.string().trim().min(1).max(300), mediaType: z.string().max(100), contentBase64: z.string().max(7_200_000) }),
        response: responses,
      },
    },
    async (req, reply) => {
      const id = await checklists.uploadEvidence(
        await stateReview(req.params),
        req.body.questionId,
        { name: req.body.name, mediaType: req.body.mediaType, content: Buffer.from(req.body.contentBase64, 'base64') },
        actorOf(req),
      );
      return reply.status(201).send({ fileId: id, name: req.body.name });
    },
  );

  const sendFile = async (req: FastifyRequest, review: Participation, id: number) => {
    const f = await checklists.evidenceFile(review, id, req.principal, actorOf(req));
    return { f, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}` };
  };
  r.get(`${S}/checklists/:review/evidence/:id`, { config: { access: stateRead }, schema: { tags, summary: 'Download an evidence file.', params: stateReviewParams.extend({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const { f, disposition } = await sendFile(req, await stateReview(req.params), req.params.id);
    return reply.type('application/octet-stream').header('content-disposition', disposition).send(f.content);
  });
  r.get(`${R}/evidence/:id`, { config: { access: reviewerRead }, schema: { tags, summary: 'Download an evidence file (reviewers).', params: reviewParams.extend({ id: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const { f, disposition } = await sendFile(req, await cycles.review(req.params.review), req.params.id);
    return reply.type('application/octet-stream').header('content-disposition', disposition).send(f.content);
  });

  r.put(
    `${S}/checklists/:review/confidentiality`,
    { config: { access: focalPoint }, schema: { tags, summary: "Who may read the state's checklist (its focal point decides).", params: stateReviewParams, body: z.object({ confidentiality: confidentialitySchema }), response: responses } },
    async (req, reply) => {
      await checklists.setConfidentiality(await stateReview(req.params), req.body.confidentiality, actorOf(req));
      return reply.status(204).send();
    },
  );

  r.post(`${S}/checklists/:review/submissions`, { config: { access: stateDraft }, schema: { tags, summary: 'Submit the working answers as a new version, for the focal point to clear.', params: stateReviewParams, response: responses } }, async (req, reply) =>
    reply.status(201).send({ number: await checklists.submit(await stateReview(req.params), actorOf(req)) }),
  );
  r.post(
    `${S}/checklists/:review/clearance`,
    { config: { access: focalPoint }, schema: { tags, summary: 'Clear the latest submission (a focal point of the state).', params: stateReviewParams, body: z.object({ number: z.number().int().min(1).optional() }), response: responses } },
    async (req) => ({ number: await checklists.clear(await stateReview(req.params), req.body.number, actorOf(req)) }),
  );
  r.get(`${S}/checklists/:review/submissions/:number`, { config: { access: stateRead }, schema: { tags, summary: 'One submitted version, whole.', params: stateReviewParams.extend({ number: z.coerce.number().int().min(1) }), response: responses } }, async (req) =>
    checklists.submission(await stateReview(req.params), req.params.number, req.principal, actorOf(req)),
  );
  r.get(`${R}/submissions/:number`, { config: { access: reviewerRead }, schema: { tags, summary: 'One cleared version, whole (reviewers).', params: reviewParams.extend({ number: z.coerce.number().int().min(1) }), response: responses } }, async (req) =>
    checklists.submission(await cycles.review(req.params.review), req.params.number, req.principal, actorOf(req)),
  );
  r.get(`${S}/checklists/:review/diff`, { config: { access: stateRead }, schema: { tags, summary: 'What changed between two versions (to=0: the working answers), question by question.', params: stateReviewParams, querystring: versionsQuery, response: responses } }, async (req) => ({
    changes: await checklists.diff(await stateReview(req.params), req.query.from, req.query.to, req.principal, actorOf(req)),
  }));
  r.get(`${R}/diff`, { config: { access: reviewerRead }, schema: { tags, summary: 'What changed between two cleared versions (reviewers).', params: reviewParams, querystring: versionsQuery, response: responses } }, async (req) => ({
    changes: await checklists.diff(await cycles.review(req.params.review), req.query.from, req.query.to, req.principal, actorOf(req)),
  }));

  // Dialogue
  for (const [prefix, access, find] of [
    [`${S}/reviews/:review`, stateRead, (p: Record<string, string>) => stateReview({ country: p.country!, review: p.review! })],
    [R, reviewerRead, (p: Record<string, string>) => cycles.review(p.review!)],
  ] as const) {
    const params = prefix === R ? reviewParams : stateReviewParams;
    r.get(`${prefix}/threads`, { config: { access }, schema: { tags, summary: 'Dialogue threads this person may read, with their messages.', params, response: responses } }, async (req) => ({
      threads: await dialogue.threads(await find(req.params as Record<string, string>), req.principal, actorOf(req)),
    }));
    r.post(`${prefix}/threads`, { config: { access }, schema: { tags, summary: 'Open a thread on a question (or the review) with a first message and a confidentiality level.', params, body: threadBody, response: responses } }, async (req, reply) =>
      reply.status(201).send({ id: await dialogue.openThread(await find(req.params as Record<string, string>), req.body, req.principal, actorOf(req)) }),
    );
    r.post(
      `${prefix}/threads/:thread/messages`,
      { config: { access }, schema: { tags, summary: 'Answer in a thread.', params: params.extend({ thread: z.coerce.number().int().positive() }), body: messageBody, response: responses } },
      async (req, reply) => {
        const p = req.params as unknown as Record<string, string> & { thread: number };
        return reply.status(201).send({ id: await dialogue.post(await find(p), p.thread, req.body.body, req.principal, actorOf(req)) });
      },
    );
  }

  // The proposal
  r.get('/api/v1/review/proposal-templates', { config: { access: 'authenticated' }, schema: { tags, summary: 'The peer-review proposal templates, oldest first.', response: responses } }, async () => ({
    templates: await dialogue.proposalTemplates(),
  }));
  r.post(
    '/api/v1/review/proposal-templates',
    { config: { access: { role: ['platform:secretariat'] } }, schema: { tags, summary: 'A new version of the proposal template (the secretariat).', body: proposalTemplateSchema, response: responses } },
    async (req, reply) => reply.status(201).send(await dialogue.newProposalTemplate(req.body.fields, actorOf(req))),
  );
  r.get(`${S}/proposals/:review`, { config: { access: stateRead }, schema: { tags, summary: "The state's peer-review proposal with its template.", params: stateReviewParams, response: responses } }, async (req) =>
    dialogue.proposal(await stateReview(req.params), req.principal, actorOf(req)),
  );
  r.get(`${R}/proposal`, { config: { access: reviewerRead }, schema: { tags, summary: 'The peer-review proposal (reviewers).', params: reviewParams, response: responses } }, async (req) =>
    dialogue.proposal(await cycles.review(req.params.review), req.principal, actorOf(req)),
  );
  r.put(
    `${S}/proposals/:review`,
    { config: { access: stateRead }, schema: { tags, summary: 'Save the proposal (optimistic locking on `version`).', params: stateReviewParams, body: z.object({ version: z.number().int().min(0), content: proposalContentSchema }), response: responses } },
    async (req) => dialogue.saveProposal(await stateReview(req.params), req.body.version, req.body.content, req.principal, actorOf(req)),
  );
  r.post(`${S}/proposals/:review/clearance`, { config: { access: focalPoint }, schema: { tags, summary: 'Clear the proposal (a focal point of the state).', params: stateReviewParams, response: responses } }, async (req, reply) => {
    await dialogue.clearProposal(await stateReview(req.params), actorOf(req));
    return reply.status(204).send();
  });

  // Exports
  const sendExport = async (req: FastifyRequest, reply: import('fastify').FastifyReply, review: Participation, what: 'checklist' | 'proposal', format: ExportFormat) => {
    const out = await renderExport(services, review, what, format, req.principal, actorOf(req));
    return reply.type(out.mediaType).header('content-disposition', `attachment; filename="${out.fileName}"`).send(out.body);
  };
  r.get(`${S}/checklists/:review/export`, { config: { access: stateRead }, schema: { tags, summary: "The checklist as HTML, PDF or DOCX in the review's language.", params: stateReviewParams, querystring: exportQuery } }, async (req, reply) =>
    sendExport(req, reply, await stateReview(req.params), 'checklist', req.query.format),
  );
  r.get(`${S}/proposals/:review/export`, { config: { access: stateRead }, schema: { tags, summary: "The proposal as HTML, PDF or DOCX in the review's language.", params: stateReviewParams, querystring: exportQuery } }, async (req, reply) =>
    sendExport(req, reply, await stateReview(req.params), 'proposal', req.query.format),
  );
  r.get(`${R}/checklist/export`, { config: { access: reviewerRead }, schema: { tags, summary: 'The cleared checklist as HTML, PDF or DOCX (reviewers).', params: reviewParams, querystring: exportQuery } }, async (req, reply) =>
    sendExport(req, reply, await cycles.review(req.params.review), 'checklist', req.query.format),
  );
}
