import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { stateName } from '../../core/reference/states.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { ReviewRepository } from './review.repository.ts';
import type { ReviewReportsRepository, TaMatch, TaOffer } from './review-reports.repository.ts';

export type TaNeedEntry = { reviewId: string; cycle: string; country: string; name: string; questionId: string; need: number; type: string; subject: string; details: string };

/** The technical-assistance register: needs from the checklists, partners' offers, and matches with their status. */
export class AssistanceService {
  constructor(
    private readonly repo: ReviewReportsRepository,
    private readonly reviews: ReviewRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every need stated in an approved review's working answers; states alphabetically in the reader's language. */
  async needs(language: UnLanguage): Promise<TaNeedEntry[]> {
    const out: TaNeedEntry[] = [];
    for (const c of await this.reviews.listCycles()) {
      for (const p of await this.reviews.participations(c.id)) {
        if (p.status !== 'approved') continue;
        for (const a of await this.reviews.answers(p.reviewId)) {
          a.answer.taNeeds.forEach((n, i) => {
            out.push({ reviewId: p.reviewId, cycle: c.id, country: p.country, name: stateName(p.country, language) ?? p.country, questionId: a.questionId, need: i, ...n });
          });
        }
      }
    }
    const collator = new Intl.Collator(language);
    return out.sort((a, b) => collator.compare(a.name, b.name) || a.cycle.localeCompare(b.cycle) || a.questionId.localeCompare(b.questionId) || a.need - b.need);
  }

  async register(language: UnLanguage): Promise<{ needs: TaNeedEntry[]; offers: TaOffer[]; matches: TaMatch[] }> {
    return { needs: await this.needs(language), offers: await this.repo.offers(), matches: await this.repo.matches() };
  }

  async addOffer(o: Omit<TaOffer, 'id'>, actor: Actor): Promise<TaOffer> {
    const id = await this.repo.insertOffer(o, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.ta_offer_create', target: { type: 'ta_offer', id } });
    return (await this.repo.offers()).find((x) => x.id === id)!;
  }

  async match(m: { reviewId: string; questionId: string; need: number; offerId: number }, actor: Actor): Promise<TaMatch> {
    const needs = await this.needs('en');
    if (!needs.some((n) => n.reviewId === m.reviewId && n.questionId === m.questionId && n.need === m.need)) {
      throw new DomainError('review.item_not_found', `No technical-assistance need ${m.need} on ${m.questionId} in review ${m.reviewId}.`);
    }
    if (!(await this.repo.offers()).some((o) => o.id === m.offerId)) throw new DomainError('review.item_not_found', `No offer ${m.offerId}.`);
    const id = await this.repo.insertMatch(m, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.ta_match_create', target: { type: 'ta_match', id } });
    return (await this.repo.matches()).find((x) => x.id === id)!;
  }

  async setMatchStatus(id: number, status: string, actor: Actor): Promise<TaMatch> {
    if (!(await this.repo.setMatchStatus(id, status, actorLabel(actor)))) throw new DomainError('review.item_not_found', `No match ${id}.`);
    await this.audit.record(actor, { action: 'review.ta_match_status', target: { type: 'ta_match', id }, fields: ['status'] });
    return (await this.repo.matches()).find((x) => x.id === id)!;
  }
}
