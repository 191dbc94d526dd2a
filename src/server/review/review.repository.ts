import { type Kysely, type Selectable, sql } from 'kysely';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import type { Answer } from '../../core/review/checklist.ts';
import type { SectionId } from '../../core/review/checklist-template.data.ts';
import type { Confidentiality } from '../../core/review/confidentiality.ts';
import type { Cycle, Participation, ParticipationStatus, ReviewStage } from '../../core/review/cycle.ts';
import type { DB, ReviewCyclesTable, ReviewParticipationsTable } from '../db/schema.ts';

export type ChecklistRow = {
  reviewId: string;
  templateVersion: number;
  status: 'draft' | 'submitted' | 'cleared';
  confidentiality: Confidentiality;
  carriedFrom: string | null;
};
export type StoredAnswer = {
  questionId: string;
  version: number;
  answer: Answer;
  assisted: boolean;
  carriedOver: boolean;
  updatedBy: string;
  updatedAt: Date;
};
export type Submission = {
  number: number;
  answers: Record<string, Answer>;
  assistedQuestions: string[];
  submittedBy: string;
  submittedAt: Date;
  clearedBy: string | null;
  clearedAt: Date | null;
};

/** The only place with SQL for review cycles, participations, checklists, answers, submissions and evidence files. */
export class ReviewRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insertCycle(c: Omit<Cycle, 'createdAt'>, createdBy: string): Promise<Cycle | undefined> {
    const row = await this.db
      .insertInto('review_cycles')
      .values({
        id: c.id,
        title: c.title,
        board_decision_symbol: c.boardDecision.symbol,
        board_decision_date: c.boardDecision.date,
        scope: JSON.stringify(c.scope),
        stages: JSON.stringify(c.stages),
        first_cycle: c.firstCycle,
        checklist_version: c.checklistVersion,
        example: c.example,
        created_by: createdBy,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toCycle(row);
  }

  async listCycles(): Promise<Cycle[]> {
    const rows = await this.db.selectFrom('review_cycles').selectAll().orderBy('board_decision_date', 'desc').orderBy('id').execute();
    return rows.map(toCycle);
  }

  async findCycle(id: string): Promise<Cycle | undefined> {
    const row = await this.db.selectFrom('review_cycles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCycle(row);
  }

  async deleteCycle(id: string): Promise<void> {
    await this.db.deleteFrom('review_cycles').where('id', '=', id).execute();
  }

  async participations(cycleId: string): Promise<Participation[]> {
    const rows = await this.db.selectFrom('review_participations').selectAll().where('cycle_id', '=', cycleId).execute();
    return rows.map(toParticipation);
  }

  async findParticipation(reviewId: string): Promise<Participation | undefined> {
    const row = await this.db.selectFrom('review_participations').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    return row && toParticipation(row);
  }

  async insertParticipation(p: { cycleId: string; country: string; reviewId: string; language: UnLanguage }, by: string): Promise<Participation | undefined> {
    const row = await this.db
      .insertInto('review_participations')
      .values({ cycle_id: p.cycleId, country: p.country, review_id: p.reviewId, status: 'requested', language: p.language, requested_by: by })
      .onConflict((oc) => oc.columns(['cycle_id', 'country']).doNothing())
      .returningAll()
      .executeTakeFirst();
    return row && toParticipation(row);
  }

  async setParticipation(reviewId: string, patch: { status?: ParticipationStatus; stage?: ReviewStage; approvedBy?: string; boardDecisionSymbol?: string | null }): Promise<void> {
    await this.db
      .updateTable('review_participations')
      .set({
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.stage ? { stage: patch.stage } : {}),
        ...(patch.approvedBy ? { approved_by: patch.approvedBy, approved_at: new Date() } : {}),
        ...(patch.boardDecisionSymbol !== undefined ? { board_decision_symbol: patch.boardDecisionSymbol } : {}),
      })
      .where('review_id', '=', reviewId)
      .execute();
  }

  /** The same country's most recent earlier approved review, for carrying answers over. */
  async previousReview(country: string, beforeCycle: Cycle): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('review_participations as p')
      .innerJoin('review_cycles as c', 'c.id', 'p.cycle_id')
      .innerJoin('review_checklists as k', 'k.review_id', 'p.review_id')
      .select('p.review_id')
      .where('p.country', '=', country)
      .where('p.status', '=', 'approved')
      .where('c.id', '<>', beforeCycle.id)
      .where('c.example', '=', beforeCycle.example)
      .where('c.board_decision_date', '<=', beforeCycle.boardDecision.date)
      .orderBy('c.board_decision_date', 'desc')
      .executeTakeFirst();
    return row?.review_id;
  }

  async insertChecklist(reviewId: string, templateVersion: number, carriedFrom: string | null): Promise<void> {
    await this.db
      .insertInto('review_checklists')
      .values({ review_id: reviewId, template_version: templateVersion, carried_from: carriedFrom })
      .onConflict((oc) => oc.column('review_id').doNothing())
      .execute();
  }

  async findChecklist(reviewId: string): Promise<ChecklistRow | undefined> {
    const row = await this.db.selectFrom('review_checklists').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    return (
      row && {
        reviewId: row.review_id,
        templateVersion: row.template_version,
        status: row.status as ChecklistRow['status'],
        confidentiality: row.confidentiality as Confidentiality,
        carriedFrom: row.carried_from,
      }
    );
  }

  async setChecklist(reviewId: string, patch: { status?: ChecklistRow['status']; confidentiality?: Confidentiality }): Promise<void> {
    await this.db
      .updateTable('review_checklists')
      .set({ ...patch, updated_at: new Date() })
      .where('review_id', '=', reviewId)
      .execute();
  }

  async answers(reviewId: string): Promise<StoredAnswer[]> {
    const rows = await this.db.selectFrom('review_answers').selectAll().where('review_id', '=', reviewId).execute();
    return rows.map((r) => ({
      questionId: r.question_id,
      version: r.version,
      answer: r.answer as Answer,
      assisted: r.assisted,
      carriedOver: r.carried_over,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at,
    }));
  }

  async findAnswer(reviewId: string, questionId: string): Promise<StoredAnswer | undefined> {
    return (await this.answers(reviewId)).find((a) => a.questionId === questionId);
  }

  /**
   * Writes an answer when the stored version is still `expected` (0: none stored yet). Returns the new version, or
   * undefined when someone else wrote in between (the caller answers 409).
   */
  async saveAnswer(reviewId: string, questionId: string, expected: number, answer: Answer, by: string, assisted: boolean): Promise<number | undefined> {
    const json = JSON.stringify(answer);
    if (expected === 0) {
      const row = await this.db
        .insertInto('review_answers')
        .values({ review_id: reviewId, question_id: questionId, version: 1, answer: json, assisted, updated_by: by })
        .onConflict((oc) => oc.columns(['review_id', 'question_id']).doNothing())
        .returning('version')
        .executeTakeFirst();
      return row?.version;
    }
    const row = await this.db
      .updateTable('review_answers')
      .set({ version: sql`version + 1`, answer: json, assisted, carried_over: false, updated_by: by, updated_at: new Date() })
      .where('review_id', '=', reviewId)
      .where('question_id', '=', questionId)
      .where('version', '=', expected)
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }

  async carryOver(reviewId: string, answers: Record<string, Answer>): Promise<void> {
    const values = Object.entries(answers).map(([questionId, answer]) => ({
      review_id: reviewId,
      question_id: questionId,
      version: 1,
      answer: JSON.stringify(answer),
      carried_over: true,
      updated_by: 'system:carry-over',
    }));
    if (values.length > 0) await this.db.insertInto('review_answers').values(values).onConflict((oc) => oc.doNothing()).execute();
  }

  async submissions(reviewId: string): Promise<Submission[]> {
    const rows = await this.db.selectFrom('review_submissions').selectAll().where('review_id', '=', reviewId).orderBy('number').execute();
    return rows.map((r) => ({
      number: r.number,
      answers: r.answers as Record<string, Answer>,
      assistedQuestions: r.assisted_questions,
      submittedBy: r.submitted_by,
      submittedAt: r.submitted_at,
      clearedBy: r.cleared_by,
      clearedAt: r.cleared_at,
    }));
  }

  async insertSubmission(reviewId: string, answers: Record<string, Answer>, assisted: string[], by: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('review_submissions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('review_id', '=', reviewId)
        .executeTakeFirst();
      const number = Number(last?.n ?? 0) + 1;
      await trx
        .insertInto('review_submissions')
        .values({ review_id: reviewId, number, answers: JSON.stringify(answers), assisted_questions: JSON.stringify(assisted), submitted_by: by })
        .execute();
      await trx.updateTable('review_checklists').set({ status: 'submitted', updated_at: new Date() }).where('review_id', '=', reviewId).execute();
      return number;
    });
  }

  async clearSubmission(reviewId: string, number: number, by: string): Promise<boolean> {
    const res = await this.db
      .updateTable('review_submissions')
      .set({ cleared_by: by, cleared_at: new Date() })
      .where('review_id', '=', reviewId)
      .where('number', '=', number)
      .where('cleared_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await this.db.updateTable('review_checklists').set({ status: 'cleared', updated_at: new Date() }).where('review_id', '=', reviewId).execute();
    return true;
  }

  async insertFile(f: { reviewId: string; questionId: string; name: string; mediaType: string; content: Buffer }, by: string): Promise<number> {
    const row = await this.db
      .insertInto('review_evidence_files')
      .values({ review_id: f.reviewId, question_id: f.questionId, name: f.name, media_type: f.mediaType, size: f.content.length, content: f.content, uploaded_by: by })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async findFile(reviewId: string, id: number): Promise<{ name: string; mediaType: string; content: Buffer } | undefined> {
    const row = await this.db
      .selectFrom('review_evidence_files')
      .select(['name', 'media_type', 'content'])
      .where('review_id', '=', reviewId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { name: row.name, mediaType: row.media_type, content: Buffer.from(row.content) };
  }
}

function toCycle(row: Selectable<ReviewCyclesTable>): Cycle {
  return {
    id: row.id,
    title: row.title,
    boardDecision: { symbol: row.board_decision_symbol, date: String(row.board_decision_date).slice(0, 10) },
    scope: row.scope as SectionId[],
    stages: row.stages as Cycle['stages'],
    firstCycle: row.first_cycle,
    checklistVersion: row.checklist_version,
    example: row.example,
    createdAt: row.created_at,
  };
}

function toParticipation(row: Selectable<ReviewParticipationsTable>): Participation {
  return {
    cycleId: row.cycle_id,
    country: row.country,
    reviewId: row.review_id,
    status: row.status as ParticipationStatus,
    stage: row.stage as ReviewStage,
    language: row.language as UnLanguage,
    requestedAt: row.requested_at,
    approvedAt: row.approved_at,
    boardDecisionSymbol: row.board_decision_symbol,
  };
}
