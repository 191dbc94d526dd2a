import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { type MeetingInput, standardAgenda } from '../../core/review/governance.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { BoardDecision, Meeting, Outcome, ReviewReportsRepository } from './review-reports.repository.ts';

export type MeetingView = Meeting & { outcomes: (Outcome & { decisions: BoardDecision[] })[] };

/** The Implementation Review Group's meetings, their adopted outcomes sent to the Executive Board, and its decisions. */
export class IrgService {
  constructor(
    private readonly repo: ReviewReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async create(input: MeetingInput, actor: Actor): Promise<MeetingView> {
    const agenda = input.agenda.length > 0 ? input.agenda : standardAgenda();
    const id = await this.repo.insertMeeting({ ...input, agenda }, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.irg_meeting_create', target: { type: 'irg_meeting', id } });
    return this.meeting(id);
  }

  async meetings(): Promise<Meeting[]> {
    return this.repo.meetings();
  }

  async meeting(id: number): Promise<MeetingView> {
    const m = (await this.repo.meetings(id))[0];
    if (!m) throw new DomainError('review.item_not_found', `No Review Group meeting ${id}.`);
    const outcomes = await this.repo.outcomes({ meetingId: id });
    const decisions = await this.repo.decisions(outcomes.map((o) => o.id));
    return { ...m, outcomes: outcomes.map((o) => ({ ...o, decisions: decisions.filter((d) => d.outcomeId === o.id) })) };
  }

  async addOutcome(meetingId: number, kind: Outcome['kind'], text: string, actor: Actor): Promise<MeetingView> {
    await this.meeting(meetingId);
    const id = await this.repo.insertOutcome(meetingId, kind, text, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.irg_outcome_add', target: { type: 'irg_outcome', id }, fields: [kind] });
    return this.meeting(meetingId);
  }

  private async outcome(meetingId: number, id: number): Promise<Outcome> {
    const o = (await this.repo.outcomes({ id }))[0];
    if (!o || o.meetingId !== meetingId) throw new DomainError('review.item_not_found', `No outcome ${id} of meeting ${meetingId}.`);
    return o;
  }

  /** Adoption, then transmission to the Board: a text is transmitted only once adopted. */
  async advance(meetingId: number, id: number, step: 'adopt' | 'transmit', actor: Actor): Promise<MeetingView> {
    const o = await this.outcome(meetingId, id);
    if (step === 'transmit' && !o.adoptedAt) throw new DomainError('review.publication_blocked', `Outcome ${id} has not been adopted.`);
    await this.repo.setOutcome(id, step === 'adopt' ? { adopted: true } : { transmitted: true });
    await this.audit.record(actor, { action: step === 'adopt' ? 'review.irg_outcome_adopt' : 'review.irg_outcome_transmit', target: { type: 'irg_outcome', id } });
    return this.meeting(meetingId);
  }

  async recordDecision(meetingId: number, outcomeId: number, d: { symbol: string; decidedOn: string; text: string }, actor: Actor): Promise<MeetingView> {
    const o = await this.outcome(meetingId, outcomeId);
    if (!o.transmittedAt) throw new DomainError('review.publication_blocked', `Outcome ${outcomeId} has not been transmitted to the Board.`);
    const id = await this.repo.insertDecision({ outcomeId, ...d }, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.board_decision_record', target: { type: 'board_decision', id } });
    return this.meeting(meetingId);
  }
}
