import type { Kysely } from 'kysely';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import type { SectionId } from '../../core/review/checklist-template.data.ts';
import type { Confidentiality } from '../../core/review/confidentiality.ts';
import type { ConsentSubject, DocumentKind, ReviewDocument, TranslationStatus } from '../../core/review/report.ts';
import type { DB } from '../db/schema.ts';

export type Meeting = {
  id: number;
  cycleId: string | null;
  title: string;
  startsOn: string;
  venue: 'nairobi' | 'online';
  agenda: { item: string; note: string }[];
  documents: { title: string; url: string }[];
  participants: { name: string; role: string }[];
};
export type Outcome = { id: number; meetingId: number; kind: 'recommendation' | 'conclusion'; text: string; adoptedAt: Date | null; transmittedAt: Date | null };
export type BoardDecision = { id: number; outcomeId: number; symbol: string; decidedOn: string; text: string };
export type Recommendation = { id: number; reviewId: string; text: string; dueOn: string | null; status: string; lastRemindedAt: Date | null; createdAt: Date };
export type FollowUpUpdate = { id: number; recommendationId: number; status: string; body: string; evidence: { title: string; url: string }[]; author: string; at: Date };
export type TaOffer = { id: number; partner: string; type: string; subject: string; details: string };
export type TaMatch = { id: number; reviewId: string; questionId: string; need: number; offerId: number; status: string; updatedAt: Date };
export type BudgetLine = { id: number; period: string; name: string; amount: number; currency: string };
export type Contribution = { id: number; donor: string; amount: number; currency: string; receivedOn: string; unconditional: boolean };
export type Spending = { id: number; lineId: number; amount: number; spentOn: string; description: string };

/** The only place with SQL for review documents' states, consents, the Review Group, follow-up, assistance and budget. */
export class ReviewReportsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // Documents and translations

  async insertDocument(d: { kind: DocumentKind; reviewId: string | null; cycleId: string | null; section: SectionId | null; confidentiality: Confidentiality; bodies: Partial<Record<UnLanguage, string>> }, by: string, languages: readonly UnLanguage[]): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('review_documents')
        .values({ kind: d.kind, review_id: d.reviewId, cycle_id: d.cycleId, confidentiality: d.confidentiality, created_by: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      await trx.insertInto('review_document_states').values({ document_id: id, section: d.section, approved_by: null, approved_at: null, published_at: null }).execute();
      await trx
        .insertInto('review_document_translations')
        .values(languages.map((language) => ({ document_id: id, language, status: d.bodies[language] ? 'draft' : 'missing', translator: d.bodies[language] ? by : null, body: d.bodies[language] ?? '' })))
        .execute();
      return id;
    });
  }

  async documents(filter: { id?: number; reviewId?: string; cycleId?: string; kind?: DocumentKind; published?: boolean }): Promise<ReviewDocument[]> {
    let q = this.db
      .selectFrom('review_documents as d')
      .innerJoin('review_document_states as s', 's.document_id', 'd.id')
      .select(['d.id', 'd.kind', 'd.review_id', 'd.cycle_id', 'd.created_at', 's.section', 's.approved_at', 's.published_at']);
    if (filter.id !== undefined) q = q.where('d.id', '=', filter.id);
    if (filter.reviewId !== undefined) q = q.where('d.review_id', '=', filter.reviewId);
    if (filter.cycleId !== undefined) q = q.where('d.cycle_id', '=', filter.cycleId);
    if (filter.kind !== undefined) q = q.where('d.kind', '=', filter.kind);
    if (filter.published === true) q = q.where('s.published_at', 'is not', null);
    const rows = await q.orderBy('d.id').execute();
    if (rows.length === 0) return [];
    const ts = await this.db
      .selectFrom('review_document_translations')
      .selectAll()
      .where(
        'document_id',
        'in',
        rows.map((r) => Number(r.id)),
      )
      .orderBy('language')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as DocumentKind,
      reviewId: r.review_id,
      cycleId: r.cycle_id,
      section: r.section as SectionId | null,
      createdAt: r.created_at,
      approvedAt: r.approved_at,
      publishedAt: r.published_at,
      translations: ts
        .filter((t) => Number(t.document_id) === Number(r.id))
        .map((t) => ({ language: t.language as UnLanguage, status: t.status as TranslationStatus, translator: t.translator, body: t.body, updatedAt: t.updated_at })),
    }));
  }

  async setTranslation(id: number, language: UnLanguage, t: { body: string; status: TranslationStatus }, by: string): Promise<void> {
    await this.db
      .updateTable('review_document_translations')
      .set({ body: t.body, status: t.status, translator: by, updated_at: new Date() })
      .where('document_id', '=', id)
      .where('language', '=', language)
      .execute();
  }

  async setDocumentState(id: number, patch: { approvedBy?: string; publishedAt?: Date }): Promise<void> {
    await this.db
      .updateTable('review_document_states')
      .set({
        ...(patch.approvedBy ? { approved_by: patch.approvedBy, approved_at: new Date() } : {}),
        ...(patch.publishedAt ? { published_at: patch.publishedAt } : {}),
      })
      .where('document_id', '=', id)
      .execute();
  }

  async setConfidentiality(id: number, level: Confidentiality): Promise<void> {
    await this.db.updateTable('review_documents').set({ confidentiality: level }).where('id', '=', id).execute();
  }

  async consents(reviewId: string): Promise<Partial<Record<ConsentSubject, boolean>>> {
    const rows = await this.db.selectFrom('review_consents').selectAll().where('review_id', '=', reviewId).execute();
    return Object.fromEntries(rows.map((r) => [r.subject, r.given]));
  }

  async setConsent(reviewId: string, subject: ConsentSubject, given: boolean, by: string): Promise<void> {
    await this.db
      .insertInto('review_consents')
      .values({ review_id: reviewId, subject, given, recorded_by: by })
      .onConflict((oc) => oc.columns(['review_id', 'subject']).doUpdateSet({ given, recorded_by: by, recorded_at: new Date() }))
      .execute();
  }

  // Implementation Review Group

  async insertMeeting(m: Omit<Meeting, 'id'>, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_irg_meetings')
      .values({
        cycle_id: m.cycleId,
        title: m.title,
        starts_on: m.startsOn,
        venue: m.venue,
        agenda: JSON.stringify(m.agenda),
        documents: JSON.stringify(m.documents),
        participants: JSON.stringify(m.participants),
        created_by: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async meetings(id?: number): Promise<Meeting[]> {
    let q = this.db.selectFrom('review_irg_meetings').selectAll();
    if (id !== undefined) q = q.where('id', '=', id);
    const rows = await q.orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
    return rows.map((r) => ({ id: Number(r.id), cycleId: r.cycle_id, title: r.title, startsOn: r.starts_on, venue: r.venue as Meeting['venue'], agenda: r.agenda, documents: r.documents, participants: r.participants }));
  }

  async insertOutcome(meetingId: number, kind: Outcome['kind'], text: string, by: string): Promise<number> {
    const row = await this.db.insertInto('review_irg_outcomes').values({ meeting_id: meetingId, kind, text, created_by: by }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async outcomes(filter: { meetingId?: number; id?: number }): Promise<Outcome[]> {
    let q = this.db.selectFrom('review_irg_outcomes').selectAll();
    if (filter.meetingId !== undefined) q = q.where('meeting_id', '=', filter.meetingId);
    if (filter.id !== undefined) q = q.where('id', '=', filter.id);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), meetingId: Number(r.meeting_id), kind: r.kind as Outcome['kind'], text: r.text, adoptedAt: r.adopted_at, transmittedAt: r.transmitted_at }));
  }

  async setOutcome(id: number, patch: { adopted?: boolean; transmitted?: boolean }): Promise<void> {
    const now = new Date();
    await this.db
      .updateTable('review_irg_outcomes')
      .set({ ...(patch.adopted ? { adopted_at: now } : {}), ...(patch.transmitted ? { transmitted_at: now } : {}) })
      .where('id', '=', id)
      .execute();
  }

  async insertDecision(d: Omit<BoardDecision, 'id'>, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_board_decisions')
      .values({ outcome_id: d.outcomeId, symbol: d.symbol, decided_on: d.decidedOn, text: d.text, recorded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async decisions(outcomeIds: readonly number[]): Promise<BoardDecision[]> {
    if (outcomeIds.length === 0) return [];
    const rows = await this.db.selectFrom('review_board_decisions').selectAll().where('outcome_id', 'in', outcomeIds).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), outcomeId: Number(r.outcome_id), symbol: r.symbol, decidedOn: r.decided_on, text: r.text }));
  }

  // Follow-up

  async insertRecommendation(reviewId: string, text: string, dueOn: string | null, by: string): Promise<number> {
    const row = await this.db.insertInto('review_recommendations').values({ review_id: reviewId, text, due_on: dueOn, created_by: by }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async recommendations(filter: { reviewIds?: readonly string[]; id?: number; open?: boolean }): Promise<Recommendation[]> {
    let q = this.db.selectFrom('review_recommendations').selectAll();
    if (filter.reviewIds !== undefined) {
      if (filter.reviewIds.length === 0) return [];
      q = q.where('review_id', 'in', filter.reviewIds);
    }
    if (filter.id !== undefined) q = q.where('id', '=', filter.id);
    if (filter.open) q = q.where('status', 'in', ['open', 'in_progress']);
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), reviewId: r.review_id, text: r.text, dueOn: r.due_on, status: r.status, lastRemindedAt: r.last_reminded_at, createdAt: r.created_at }));
  }

  async addUpdate(recommendationId: number, u: { status: string; body: string; evidence: { title: string; url: string }[] }, by: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('review_follow_up_updates')
        .values({ recommendation_id: recommendationId, status: u.status, body: u.body, evidence: JSON.stringify(u.evidence), author: by })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('review_recommendations').set({ status: u.status }).where('id', '=', recommendationId).execute();
      return Number(row.id);
    });
  }

  async updates(recommendationIds: readonly number[]): Promise<FollowUpUpdate[]> {
    if (recommendationIds.length === 0) return [];
    const rows = await this.db.selectFrom('review_follow_up_updates').selectAll().where('recommendation_id', 'in', recommendationIds).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), recommendationId: Number(r.recommendation_id), status: r.status, body: r.body, evidence: r.evidence, author: r.author, at: r.at }));
  }

  async markReminded(ids: readonly number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('review_recommendations').set({ last_reminded_at: at }).where('id', 'in', ids).execute();
  }

  // Technical assistance

  async insertOffer(o: Omit<TaOffer, 'id'>, by: string): Promise<number> {
    const row = await this.db.insertInto('review_ta_offers').values({ ...o, created_by: by }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async offers(): Promise<TaOffer[]> {
    const rows = await this.db.selectFrom('review_ta_offers').selectAll().orderBy('partner').orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), partner: r.partner, type: r.type, subject: r.subject, details: r.details }));
  }

  async insertMatch(m: { reviewId: string; questionId: string; need: number; offerId: number }, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_ta_matches')
      .values({ review_id: m.reviewId, question_id: m.questionId, need_index: m.need, offer_id: m.offerId, updated_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async setMatchStatus(id: number, status: string, by: string): Promise<boolean> {
    const r = await this.db.updateTable('review_ta_matches').set({ status, updated_by: by, updated_at: new Date() }).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async matches(): Promise<TaMatch[]> {
    const rows = await this.db.selectFrom('review_ta_matches').selectAll().orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), reviewId: r.review_id, questionId: r.question_id, need: r.need_index, offerId: Number(r.offer_id), status: r.status, updatedAt: r.updated_at }));
  }

  // Budget

  async insertLine(l: Omit<BudgetLine, 'id'>, by: string): Promise<number> {
    const row = await this.db.insertInto('review_budget_lines').values({ ...l, created_by: by }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async lines(): Promise<BudgetLine[]> {
    const rows = await this.db.selectFrom('review_budget_lines').selectAll().orderBy('period', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), period: r.period, name: r.name, amount: Number(r.amount), currency: r.currency }));
  }

  async insertContribution(c: Omit<Contribution, 'id'>, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_contributions')
      .values({ donor: c.donor, amount: c.amount, currency: c.currency, received_on: c.receivedOn, unconditional: c.unconditional, recorded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async contributions(): Promise<Contribution[]> {
    const rows = await this.db.selectFrom('review_contributions').selectAll().orderBy('received_on', 'desc').orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), donor: r.donor, amount: Number(r.amount), currency: r.currency, receivedOn: r.received_on, unconditional: r.unconditional }));
  }

  async insertSpending(s: Omit<Spending, 'id'>, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_spending')
      .values({ line_id: s.lineId, amount: s.amount, spent_on: s.spentOn, description: s.description, recorded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async spending(): Promise<Spending[]> {
    const rows = await this.db.selectFrom('review_spending').selectAll().orderBy('spent_on').orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), lineId: Number(r.line_id), amount: Number(r.amount), spentOn: r.spent_on, description: r.description }));
  }
}
