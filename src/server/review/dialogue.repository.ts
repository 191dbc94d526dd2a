import type { Kysely } from 'kysely';
import type { Confidentiality } from '../../core/review/confidentiality.ts';
import type { ProposalContent, ProposalTemplate, ProposalTemplateField } from '../../core/review/proposal.ts';
import type { DB } from '../db/schema.ts';

export type Thread = { id: number; reviewId: string; questionId: string | null; confidentiality: Confidentiality; openedBy: string; openedAt: Date };
export type Message = { id: number; threadId: number; author: string; side: 'state' | 'reviewer' | 'secretariat'; body: string; at: Date };
export type Proposal = {
  reviewId: string;
  templateVersion: number;
  content: ProposalContent;
  version: number;
  status: 'draft' | 'cleared';
  confidentiality: Confidentiality;
  clearedBy: string | null;
  clearedAt: Date | null;
};

/** The only place with SQL for dialogue threads, messages, proposals and review mail. */
export class DialogueRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async threads(reviewId: string): Promise<Thread[]> {
    const rows = await this.db.selectFrom('review_threads').selectAll().where('review_id', '=', reviewId).orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      reviewId: r.review_id,
      questionId: r.question_id,
      confidentiality: r.confidentiality as Confidentiality,
      openedBy: r.opened_by,
      openedAt: r.opened_at,
    }));
  }

  async messages(threadIds: readonly number[]): Promise<Message[]> {
    if (threadIds.length === 0) return [];
    const rows = await this.db.selectFrom('review_messages').selectAll().where('thread_id', 'in', threadIds).orderBy('id').execute();
    return rows.map((r) => ({ id: Number(r.id), threadId: Number(r.thread_id), author: r.author, side: r.side as Message['side'], body: r.body, at: r.at }));
  }

  async openThread(t: { reviewId: string; questionId: string | null; confidentiality: Confidentiality; by: string; side: Message['side']; body: string }): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('review_threads')
        .values({ review_id: t.reviewId, question_id: t.questionId, confidentiality: t.confidentiality, opened_by: t.by })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('review_messages').values({ thread_id: row.id, author: t.by, side: t.side, body: t.body }).execute();
      return Number(row.id);
    });
  }

  async postMessage(threadId: number, by: string, side: Message['side'], body: string): Promise<number> {
    const row = await this.db.insertInto('review_messages').values({ thread_id: threadId, author: by, side, body }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async proposalTemplates(): Promise<ProposalTemplate[]> {
    const rows = await this.db.selectFrom('review_proposal_templates').selectAll().orderBy('version').execute();
    return rows.map((r) => ({ version: r.version, fields: r.fields as ProposalTemplateField[] }));
  }

  async insertProposalTemplate(t: ProposalTemplate, by: string): Promise<boolean> {
    const res = await this.db
      .insertInto('review_proposal_templates')
      .values({ version: t.version, fields: JSON.stringify(t.fields), created_by: by })
      .onConflict((oc) => oc.column('version').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async findProposal(reviewId: string): Promise<Proposal | undefined> {
    const r = await this.db.selectFrom('review_proposals').selectAll().where('review_id', '=', reviewId).executeTakeFirst();
    return (
      r && {
        reviewId: r.review_id,
        templateVersion: r.template_version,
        content: r.content as ProposalContent,
        version: r.version,
        status: r.status as Proposal['status'],
        confidentiality: r.confidentiality as Confidentiality,
        clearedBy: r.cleared_by,
        clearedAt: r.cleared_at,
      }
    );
  }

  async insertProposal(reviewId: string, templateVersion: number): Promise<void> {
    await this.db
      .insertInto('review_proposals')
      .values({ review_id: reviewId, template_version: templateVersion })
      .onConflict((oc) => oc.column('review_id').doNothing())
      .execute();
  }

  /** Saves when the stored version is still `expected`; the new version, or undefined on a conflict. */
  async saveProposal(reviewId: string, expected: number, content: ProposalContent, by: string): Promise<number | undefined> {
    const row = await this.db
      .updateTable('review_proposals')
      .set((eb) => ({
        content: JSON.stringify(content),
        version: eb('version', '+', 1),
        status: 'draft',
        cleared_by: null,
        cleared_at: null,
        updated_by: by,
        updated_at: new Date(),
      }))
      .where('review_id', '=', reviewId)
      .where('version', '=', expected)
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }

  async clearProposal(reviewId: string, by: string): Promise<void> {
    await this.db.updateTable('review_proposals').set({ status: 'cleared', cleared_by: by, cleared_at: new Date() }).where('review_id', '=', reviewId).execute();
  }

  /** Users holding a role in a scope (who to tell about a review), with their mail mode. */
  async recipients(grants: { role: string; scopeId: string }[]): Promise<{ userId: number; email: string; mode: string }[]> {
    if (grants.length === 0) return [];
    const rows = await this.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .leftJoin('review_mail_preferences as p', 'p.user_id', 'u.id')
      .select(['u.id', 'u.email', 'p.mode'])
      .where('u.status', '=', 'active')
      .where((eb) => eb.or(grants.map((g) => eb.and([eb('g.role', '=', g.role), eb('g.scope_id', '=', g.scopeId)]))))
      .distinct()
      .execute();
    return rows.map((r) => ({ userId: r.id, email: r.email, mode: r.mode ?? 'immediate' }));
  }

  async setMailMode(userId: number, mode: string): Promise<void> {
    await this.db
      .insertInto('review_mail_preferences')
      .values({ user_id: userId, mode })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode }))
      .execute();
  }

  async mailMode(userId: number): Promise<string> {
    const row = await this.db.selectFrom('review_mail_preferences').select('mode').where('user_id', '=', userId).executeTakeFirst();
    return row?.mode ?? 'immediate';
  }

  async queueNotification(userId: number, reviewId: string, kind: string, sent: boolean): Promise<void> {
    await this.db.insertInto('review_notifications').values({ user_id: userId, review_id: reviewId, kind, sent_at: sent ? new Date() : null }).execute();
  }

  /** Pending digest items, grouped by person. */
  async pendingDigests(): Promise<{ userId: number; email: string; items: { id: number; reviewId: string; kind: string; at: Date }[] }[]> {
    const rows = await this.db
      .selectFrom('review_notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.id', 'n.user_id', 'u.email', 'n.review_id', 'n.kind', 'n.created_at'])
      .where('n.sent_at', 'is', null)
      .orderBy('n.user_id')
      .orderBy('n.id')
      .execute();
    const byUser = new Map<number, { userId: number; email: string; items: { id: number; reviewId: string; kind: string; at: Date }[] }>();
    for (const r of rows) {
      const entry = byUser.get(r.user_id) ?? { userId: r.user_id, email: r.email, items: [] };
      entry.items.push({ id: Number(r.id), reviewId: r.review_id, kind: r.kind, at: r.created_at });
      byUser.set(r.user_id, entry);
    }
    return [...byUser.values()];
  }

  async markSent(ids: readonly number[]): Promise<void> {
    if (ids.length > 0) await this.db.updateTable('review_notifications').set({ sent_at: new Date() }).where('id', 'in', ids).execute();
  }
}
