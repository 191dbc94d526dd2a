import type { Principal } from '../../core/accounts/access-rule.ts';
import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { checklistTemplate, questionsInScope } from '../../core/review/checklist.ts';
import { type Confidentiality, canRead, levelsWritableBy, type ReviewSide } from '../../core/review/confidentiality.ts';
import type { Participation } from '../../core/review/cycle.ts';
import {
  PROPOSAL_TEMPLATE_V1,
  type ProposalContent,
  type ProposalTemplate,
  unknownProposalFields,
} from '../../core/review/proposal.ts';
import { reviewSideOf } from '../../core/review/review-side.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { DialogueRepository, Message, Proposal, Thread } from './dialogue.repository.ts';
import type { ReviewRepository } from './review.repository.ts';
import type { ReviewMail } from './review-mail.service.ts';

export type ThreadView = Thread & { messages: Message[] };

/** Dialogue threads per question, and the national peer-review proposal, with confidentiality on every read. */
export class DialogueService {
  constructor(
    private readonly repo: DialogueRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditService,
    private readonly mail: ReviewMail,
  ) {}

  /** The threads this person may read, each with its messages, oldest first. */
  async threads(review: Participation, principal: Principal, actor: Actor): Promise<ThreadView[]> {
    const side = reviewSideOf(principal, review);
    const self = actorLabel(actor);
    const threads = (await this.repo.threads(review.reviewId)).filter((t) => canRead(t.confidentiality, side) || t.openedBy === self);
    const messages = await this.repo.messages(threads.map((t) => t.id));
    if (threads.some((t) => t.confidentiality !== 'public')) {
      await this.audit.record(actor, { action: 'review.read', target: { type: 'review_threads', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId } });
    }
    return threads.map((t) => ({ ...t, messages: messages.filter((m) => m.threadId === t.id) }));
  }

  async openThread(review: Participation, input: { questionId: string | null; confidentiality: Confidentiality; body: string }, principal: Principal, actor: Actor): Promise<number> {
    const side = sideThatWrites(principal, review);
    if (!levelsWritableBy(side).includes(input.confidentiality)) {
      throw new DomainError('validation', `You may not write at the level ${input.confidentiality}: choose one of ${levelsWritableBy(side).join(', ')}.`, { field: 'confidentiality' });
    }
    if (input.questionId !== null) {
      const checklist = await this.reviews.findChecklist(review.reviewId);
      const cycle = await this.reviews.findCycle(review.cycleId);
      const ids = checklist && cycle ? questionsInScope(checklistTemplate(checklist.templateVersion)!, cycle.scope).map((q) => q.id) : [];
      if (!ids.includes(input.questionId)) throw new DomainError('review.unknown_question', `The checklist of ${review.reviewId} has no question ${input.questionId}.`, { field: 'questionId' });
    }
    const id = await this.repo.openThread({ reviewId: review.reviewId, ...input, by: actorLabel(actor), side });
    await this.audit.record(actor, { action: 'review.thread_open', target: { type: 'review_thread', id }, scope: { kind: 'review', id: review.reviewId }, fields: ['body', 'confidentiality', 'questionId'] });
    await this.mail.notify(review, 'message', input.confidentiality, actor);
    return id;
  }

  async post(review: Participation, threadId: number, body: string, principal: Principal, actor: Actor): Promise<number> {
    const side = sideThatWrites(principal, review);
    const thread = (await this.repo.threads(review.reviewId)).find((t) => t.id === threadId);
    if (!thread || !(canRead(thread.confidentiality, side) || thread.openedBy === actorLabel(actor))) {
      throw new DomainError('review.thread_not_found', `No thread ${threadId} in ${review.reviewId}.`);
    }
    const id = await this.repo.postMessage(threadId, actorLabel(actor), side, body);
    await this.audit.record(actor, { action: 'review.message_post', target: { type: 'review_message', id }, scope: { kind: 'review', id: review.reviewId }, fields: ['body'] });
    await this.mail.notify(review, 'message', thread.confidentiality, actor);
    return id;
  }

  // The proposal

  /** The proposal templates, oldest first; version 1 is stored on first use. */
  async proposalTemplates(): Promise<ProposalTemplate[]> {
    const stored = await this.repo.proposalTemplates();
    if (stored.length > 0) return stored;
    await this.repo.insertProposalTemplate(PROPOSAL_TEMPLATE_V1, 'system:platform');
    return this.repo.proposalTemplates();
  }

  async newProposalTemplate(fields: ProposalTemplate['fields'], actor: Actor): Promise<ProposalTemplate> {
    const latest = (await this.proposalTemplates()).at(-1)!;
    const template = { version: latest.version + 1, fields };
    await this.repo.insertProposalTemplate(template, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.proposal_template_create', target: { type: 'review_proposal_template', id: template.version }, fields: ['fields'] });
    return template;
  }

  async proposal(review: Participation, principal: Principal, actor: Actor): Promise<{ proposal: Proposal; template: ProposalTemplate }> {
    await this.proposalTemplates();
    await this.repo.insertProposal(review.reviewId, (await this.repo.proposalTemplates()).at(-1)!.version);
    const proposal = (await this.repo.findProposal(review.reviewId))!;
    if (!canRead(proposal.confidentiality, reviewSideOf(principal, review))) {
      throw new DomainError('review.confidential', `The proposal of ${review.reviewId} is not shared with you.`);
    }
    if (proposal.confidentiality !== 'public') {
      await this.audit.record(actor, { action: 'review.read', target: { type: 'review_proposal', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId } });
    }
    const template = (await this.repo.proposalTemplates()).find((t) => t.version === proposal.templateVersion)!;
    return { proposal, template };
  }

  async saveProposal(review: Participation, expected: number, content: ProposalContent, principal: Principal, actor: Actor): Promise<Proposal> {
    const { template } = await this.proposal(review, principal, actor);
    const unknown = unknownProposalFields(template, content);
    if (unknown.length > 0) throw new DomainError('review.bad_proposal', `The proposal template has no field ${unknown.join(', ')}.`, { field: unknown[0] });
    const version = await this.repo.saveProposal(review.reviewId, expected, content, actorLabel(actor));
    const current = (await this.repo.findProposal(review.reviewId))!;
    if (version === undefined) {
      throw new DomainError(
        'review.proposal_conflict',
        `The proposal was saved by someone else since you opened it: you edited version ${expected}, it is now version ${current.version}. Keep a copy of your text, reload and save again.`,
        { yourVersion: expected, currentVersion: current.version },
      );
    }
    await this.audit.record(actor, { action: 'review.proposal_save', target: { type: 'review_proposal', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId }, fields: Object.keys(content) });
    return current;
  }

  async clearProposal(review: Participation, actor: Actor): Promise<void> {
    await this.repo.clearProposal(review.reviewId, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.proposal_clear', target: { type: 'review_proposal', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId } });
  }
}

/** The side a writer speaks for; someone with none (the routes let only the three sides in) may not write. */
function sideThatWrites(principal: Principal, review: Participation): Exclude<ReviewSide, 'outsider'> {
  const side = reviewSideOf(principal, review);
  if (side === 'outsider') throw new DomainError('review.confidential', `You take no part in ${review.reviewId}.`);
  return side;
}
