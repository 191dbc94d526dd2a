import type { Principal } from '../../core/accounts/access-rule.ts';
import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { sortByName, stateByAlpha3, stateName } from '../../core/reference/states.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import { CURRENT_CHECKLIST_VERSION, checklistTemplate } from '../../core/review/checklist.ts';
import { type Cycle, isOverdue, type NewCycle, type Participation, type ReviewStage, reviewIdOf } from '../../core/review/cycle.ts';
import { type RegionalBalance, regionalBalance } from '../../core/review/regional-balance.ts';
import { reviewSideOf } from '../../core/review/review-side.ts';
import type { AccountService } from '../accounts/account.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { DialogueRepository } from './dialogue.repository.ts';
import type { ReviewRepository } from './review.repository.ts';

/** A state in a cycle: its process status (stage, and whether the stage's deadline has passed), never a measure of its answers. */
export type ParticipantView = Participation & { name: string; group: string | null; deadline: string | null; overdue: boolean };

/** Cycles, voluntary participation and the Board's approval, reviewers per review (issue 8 items 1–2). */
export class ReviewService {
  constructor(
    private readonly repo: ReviewRepository,
    private readonly dialogue: DialogueRepository,
    private readonly users: AccountService,
    private readonly audit: AuditService,
  ) {}

  async createCycle(input: NewCycle, actor: Actor, opts: { example?: boolean } = {}): Promise<Cycle> {
    const cycle = await this.repo.insertCycle({ ...input, checklistVersion: CURRENT_CHECKLIST_VERSION, example: opts.example ?? false }, actorLabel(actor));
    if (!cycle) throw new DomainError('review.cycle_exists', `A cycle with the id ${input.id} exists already.`, { field: 'id' });
    await this.audit.record(actor, { action: 'review.cycle_create', target: { type: 'review_cycle', id: cycle.id }, fields: Object.keys(input) });
    return cycle;
  }

  listCycles(): Promise<Cycle[]> {
    return this.repo.listCycles();
  }

  async cycle(id: string): Promise<Cycle> {
    const cycle = await this.repo.findCycle(id);
    if (!cycle) throw new DomainError('review.cycle_not_found', `No review cycle ${id}.`);
    return cycle;
  }

  /** Participants alphabetically by name in the reader's language (never in any other order), with the balance. */
  async participants(cycleId: string, language: UnLanguage, opts: { secretariat?: boolean } = {}): Promise<{ participants: ParticipantView[]; balance: RegionalBalance }> {
    const cycle = await this.cycle(cycleId);
    const list = await this.repo.participations(cycleId);
    const states = sortByName(list.map((p) => stateByAlpha3(p.country)!).filter(Boolean), language);
    const byCode = new Map(list.map((p) => [p.country, p]));
    const today = new Date().toISOString().slice(0, 10);
    const participants = states.map((s) => {
      const p = byCode.get(s.alpha3)!;
      const deadline = cycle.stages.find((x) => x.stage === p.stage)?.deadline ?? null;
      // Overdue is a process flag for the secretariat's eyes (issue 9 allows it in signed-in secretariat views).
      const overdue = opts.secretariat === true && p.status === 'approved' && isOverdue(p.stage, cycle.stages, today);
      return { ...p, name: stateName(s.alpha3, language) ?? s.alpha3, group: s.group ?? null, deadline, overdue };
    });
    const approved = list.filter((p) => p.status === 'approved').map((p) => p.country);
    return { participants, balance: regionalBalance(approved, { firstCycle: cycle.firstCycle }) };
  }

  async requestParticipation(cycleId: string, country: string, language: UnLanguage, actor: Actor): Promise<Participation> {
    await this.cycle(cycleId);
    if (stateByAlpha3(country)?.unMember !== true) throw new DomainError('validation', `${country} is not a UN Member State.`, { field: 'country' });
    const p = await this.repo.insertParticipation({ cycleId, country, reviewId: reviewIdOf(cycleId, country), language }, actorLabel(actor));
    if (!p) throw new DomainError('review.already_requested', `${country} has already asked to take part in cycle ${cycleId}.`);
    await this.audit.record(actor, { action: 'review.participation_request', target: { type: 'review', id: p.reviewId }, scope: { kind: 'country', id: country }, fields: ['language'] });
    return p;
  }

  /**
   * Records the Board's approval: the review opens, with its checklist (the cycle's template, answers carried over
   * from the state's previous review for review and update) and its proposal.
   */
  async approve(cycleId: string, country: string, boardDecisionSymbol: string | undefined, actor: Actor): Promise<Participation> {
    const cycle = await this.cycle(cycleId);
    const reviewId = reviewIdOf(cycleId, country);
    const p = await this.repo.findParticipation(reviewId);
    if (!p) throw new DomainError('review.not_found', `${country} has not asked to take part in cycle ${cycleId}.`);
    if (p.status !== 'approved') {
      await this.repo.setParticipation(reviewId, { status: 'approved', approvedBy: actorLabel(actor), boardDecisionSymbol: boardDecisionSymbol ?? null });
    }
    const previous = await this.repo.previousReview(country, cycle);
    await this.repo.insertChecklist(reviewId, cycle.checklistVersion, previous ?? null);
    if (previous) {
      const template = checklistTemplate(cycle.checklistVersion)!;
      const ids = new Set(template.questions.map((q) => q.id));
      const old = await this.repo.answers(previous);
      await this.repo.carryOver(reviewId, Object.fromEntries(old.filter((a) => ids.has(a.questionId)).map((a) => [a.questionId, a.answer])));
    }
    const templates = await this.dialogue.proposalTemplates();
    const latest = templates.at(-1);
    if (latest) await this.dialogue.insertProposal(reviewId, latest.version);
    await this.audit.record(actor, { action: 'review.participation_approve', target: { type: 'review', id: reviewId }, scope: { kind: 'country', id: country }, fields: ['status'] });
    return (await this.repo.findParticipation(reviewId))!;
  }

  /** Moves an approved review to a stage of the cycle (the secretariat). */
  async setStage(reviewId: string, stage: ReviewStage, actor: Actor): Promise<Participation> {
    const p = await this.review(reviewId);
    if (p.status !== 'approved') throw new DomainError('review.not_approved', `The review ${reviewId} has not been approved.`);
    await this.repo.setParticipation(reviewId, { stage });
    await this.audit.record(actor, { action: 'review.stage_set', target: { type: 'review', id: reviewId }, scope: { kind: 'review', id: reviewId }, fields: ['stage'] });
    return (await this.repo.findParticipation(reviewId))!;
  }

  /** A review the path names, checked against the country the path names (another state's review is not found). */
  async review(reviewId: string, country?: string): Promise<Participation> {
    const p = await this.repo.findParticipation(reviewId);
    if (!p || (country !== undefined && p.country !== country)) throw new DomainError('review.not_found', `No review ${reviewId}${country ? ` of ${country}` : ''}.`);
    return p;
  }

  /** Assigns a peer reviewer to one review: the role review:peer_reviewer scoped to the review's id. */
  async assignReviewer(reviewId: string, userId: number, by: Principal, actor: Actor): Promise<void> {
    const p = await this.review(reviewId);
    if (p.status !== 'approved') throw new DomainError('review.not_approved', `The review ${reviewId} has not been approved.`);
    await this.users.grant(userId, { role: 'review:peer_reviewer', scope: reviewId }, by);
    await this.audit.record(actor, { action: 'review.reviewer_assign', target: { type: 'review', id: reviewId }, scope: { kind: 'review', id: reviewId }, fields: ['reviewer'] });
  }

  /**
   * The reviews a person takes part in (their state's, the ones they review; the secretariat sees all), newest cycle
   * first and, within a cycle, alphabetically by the state's name in the reader's language.
   */
  async myReviews(principal: Principal, language: UnLanguage): Promise<(Participation & { side: string; name: string })[]> {
    const out: (Participation & { side: string; name: string })[] = [];
    for (const cycle of await this.repo.listCycles()) {
      const list = await this.repo.participations(cycle.id);
      const byCode = new Map(list.map((p) => [p.country, p]));
      for (const state of sortByName(list.map((p) => stateByAlpha3(p.country)!).filter(Boolean), language)) {
        const p = byCode.get(state.alpha3)!;
        const side = reviewSideOf(principal, p);
        if (side !== 'outsider') out.push({ ...p, side, name: stateName(p.country, language) ?? p.country });
      }
    }
    return out;
  }

}
