import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { Participation } from '../../core/review/cycle.ts';
import { reminderDue } from '../../core/review/governance.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { DialogueRepository } from './dialogue.repository.ts';
import type { ReviewRepository } from './review.repository.ts';
import type { FollowUpUpdate, Recommendation, ReviewReportsRepository } from './review-reports.repository.ts';

export type RecommendationView = Recommendation & { updates: FollowUpUpdate[] };

/** Follow-up of the recommendations to a state: status, updates with evidence, due dates and reminders. */
export class FollowUpService {
  constructor(
    private readonly repo: ReviewReportsRepository,
    private readonly reviews: ReviewRepository,
    private readonly dialogue: DialogueRepository,
    private readonly audit: AuditService,
  ) {}

  async create(review: Participation, input: { text: string; dueOn: string | null }, actor: Actor): Promise<RecommendationView> {
    const id = await this.repo.insertRecommendation(review.reviewId, input.text, input.dueOn, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.recommendation_create', target: { type: 'recommendation', id }, scope: { kind: 'country', id: review.country } });
    return this.one(review.country, id);
  }

  private async withUpdates(list: Recommendation[]): Promise<RecommendationView[]> {
    const updates = await this.repo.updates(list.map((r) => r.id));
    return list.map((r) => ({ ...r, updates: updates.filter((u) => u.recommendationId === r.id) }));
  }

  private async reviewIdsOf(country: string): Promise<string[]> {
    const ids: string[] = [];
    for (const c of await this.reviews.listCycles()) {
      for (const p of await this.reviews.participations(c.id)) if (p.country === country) ids.push(p.reviewId);
    }
    return ids;
  }

  /** Every recommendation to a state, all cycles. */
  async ofCountry(country: string): Promise<RecommendationView[]> {
    return this.withUpdates(await this.repo.recommendations({ reviewIds: await this.reviewIdsOf(country) }));
  }

  async one(country: string, id: number): Promise<RecommendationView> {
    const r = (await this.repo.recommendations({ id }))[0];
    if (!r || !(await this.reviewIdsOf(country)).includes(r.reviewId)) throw new DomainError('review.item_not_found', `No recommendation ${id} to ${country}.`);
    return (await this.withUpdates([r]))[0]!;
  }

  /** What the next cycle's checklist asks the state about: the recommendations of its earlier reviews. */
  async askedIn(review: Participation): Promise<RecommendationView[]> {
    const earlier = (await this.reviewIdsOf(review.country)).filter((id) => id !== review.reviewId);
    return this.withUpdates(await this.repo.recommendations({ reviewIds: earlier }));
  }

  async update(country: string, id: number, input: { status: string; body: string; evidence: { title: string; url: string }[] }, actor: Actor): Promise<RecommendationView> {
    await this.one(country, id);
    await this.repo.addUpdate(id, input, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.follow_up_update', target: { type: 'recommendation', id }, scope: { kind: 'country', id: country }, fields: ['status', 'body'] });
    return this.one(country, id);
  }

  /** The reminder job: tells the state's focal points of open recommendations near or past their due date. */
  async sendReminders(now: Date): Promise<number> {
    const due = (await this.repo.recommendations({ open: true })).filter((r) => reminderDue(r, now));
    for (const r of due) {
      const country = r.reviewId.slice(r.reviewId.lastIndexOf('-') + 1).toUpperCase();
      for (const person of await this.dialogue.recipients([{ role: 'country:focal_point', scopeId: country }])) {
        if (person.mode !== 'none') await this.dialogue.queueNotification(person.userId, r.reviewId, 'follow_up_due', false);
      }
    }
    await this.repo.markReminded(
      due.map((r) => r.id),
      now,
    );
    if (due.length > 0) await this.audit.record({ kind: 'system', name: 'jobs' }, { action: 'review.follow_up_remind', target: { type: 'recommendation', id: null }, fields: ['count'] });
    return due.length;
  }
}
