import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { stateName } from '../../core/reference/states.ts';
import { UN_LANGUAGES, type UnLanguage } from '../../core/reference/un-languages.ts';
import { type CalendarEntry, calendarEntries } from '../../core/review/calendar.ts';
import { type Answer, checklistTemplate, questionsInScope } from '../../core/review/checklist.ts';
import type { SectionId } from '../../core/review/checklist-template.data.ts';
import type { Participation } from '../../core/review/cycle.ts';
import {
  type Blocker,
  type ConsentSubject,
  type DocumentKind,
  draftDocument,
  draftThematic,
  publicationBlockers,
  publishedLanguages,
  type ReviewDocument,
  type TranslationStatus,
} from '../../core/review/report.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { DialogueRepository } from './dialogue.repository.ts';
import type { ReviewRepository } from './review.repository.ts';
import type { ReviewReportsRepository } from './review-reports.repository.ts';

export type PublishedDocument = {
  id: number;
  kind: DocumentKind;
  cycle: string | null;
  country: string | null;
  name: string | null;
  section: SectionId | null;
  publishedAt: Date;
  /** The languages it is published in; `language` is the one of `body`, the reader's when it is among them. */
  languages: UnLanguage[];
  language: UnLanguage;
  body: string;
};
export type BlockedDocument = { id: number; kind: DocumentKind; cycle: string | null; country: string | null; name: string | null; section: SectionId | null; blockers: Blocker[]; since: Date };

/**
 * Reports of the review mechanism (issue 9 items 1, 2, 4, 8): drafts generated from the checklist and the dialogue,
 * texts per language with their status and translator, the state's approval and consents, publication when the
 * rules are met, the public calendar and the public pages' documents.
 */
export class ReportService {
  constructor(
    private readonly repo: ReviewReportsRepository,
    private readonly reviews: ReviewRepository,
    private readonly dialogue: DialogueRepository,
    private readonly audit: AuditService,
  ) {}

  async calendar(language: UnLanguage): Promise<CalendarEntry[]> {
    const items = [];
    for (const cycle of await this.reviews.listCycles()) items.push({ cycle, participations: await this.reviews.participations(cycle.id) });
    return calendarEntries(items, language);
  }

  private async answersOf(review: Participation): Promise<Record<string, Answer>> {
    const cleared = (await this.reviews.submissions(review.reviewId)).filter((s) => s.clearedAt).at(-1);
    if (cleared) return cleared.answers;
    return Object.fromEntries((await this.reviews.answers(review.reviewId)).map((a) => [a.questionId, a.answer]));
  }

  /** Generates the first draft of a review's report, executive summary or self-assessment, in the review's language. */
  async generate(review: Participation, kind: 'report' | 'executive_summary' | 'self_assessment', actor: Actor): Promise<ReviewDocument> {
    if (review.status !== 'approved') throw new DomainError('review.not_approved', `The review ${review.reviewId} has not been approved.`);
    const cycle = (await this.reviews.findCycle(review.cycleId))!;
    const questions = questionsInScope(checklistTemplate(cycle.checklistVersion)!, cycle.scope);
    const threads = (await this.dialogue.threads(review.reviewId)).filter((t) => t.confidentiality === 'state_and_reviewers' || t.confidentiality === 'public');
    const messages = await this.dialogue.messages(threads.map((t) => t.id));
    const dialogue = messages.map((m) => ({ questionId: threads.find((t) => t.id === m.threadId)!.questionId, body: m.body }));
    const body = draftDocument(kind, { country: review.country, cycleTitle: cycle.title, questions, answers: await this.answersOf(review), dialogue }, review.language);
    const id = await this.repo.insertDocument(
      { kind, reviewId: review.reviewId, cycleId: review.cycleId, section: null, confidentiality: 'state_and_reviewers', bodies: { [review.language]: body } },
      actorLabel(actor),
      UN_LANGUAGES,
    );
    await this.audit.record(actor, { action: 'review.document_generate', target: { type: 'review_document', id }, scope: { kind: 'review', id: review.reviewId }, fields: [kind] });
    return this.document(id);
  }

  /** Generates the thematic report of a cycle for one guideline section, from every approved review's answers. */
  async generateThematic(cycleId: string, section: SectionId, actor: Actor): Promise<ReviewDocument> {
    const cycle = await this.reviews.findCycle(cycleId);
    if (!cycle) throw new DomainError('review.cycle_not_found', `No cycle ${cycleId}.`);
    const questions = questionsInScope(checklistTemplate(cycle.checklistVersion)!, cycle.scope);
    const states = [];
    for (const p of (await this.reviews.participations(cycleId)).filter((x) => x.status === 'approved')) {
      states.push({ country: p.country, named: (await this.repo.consents(p.reviewId)).named_in_thematic === true, answers: await this.answersOf(p) });
    }
    const input = { section, cycleTitle: cycle.title, questions, states };
    // The data are the same in every language: the draft is generated in all six, each then checked by a translator.
    const bodies = Object.fromEntries(UN_LANGUAGES.map((l) => [l, draftThematic(input, l)]));
    const id = await this.repo.insertDocument({ kind: 'thematic_report', reviewId: null, cycleId, section, confidentiality: 'secretariat', bodies }, actorLabel(actor), UN_LANGUAGES);
    await this.audit.record(actor, { action: 'review.thematic_generate', target: { type: 'review_document', id }, fields: [section] });
    return this.document(id);
  }

  /** A document as its translators read it (every language): a confidential read, audited. */
  async forTranslator(id: number, language: UnLanguage, actor: Actor): Promise<ReviewDocument> {
    const doc = await this.document(id);
    await this.audit.record(actor, { action: 'review.read', target: { type: 'review_document', id }, scope: { kind: 'language', id: language } });
    return doc;
  }

  async document(id: number, reviewId?: string): Promise<ReviewDocument> {
    const doc = (await this.repo.documents({ id }))[0];
    if (!doc || (reviewId !== undefined && doc.reviewId !== reviewId)) throw new DomainError('review.document_not_found', `No document ${id}${reviewId ? ` in review ${reviewId}` : ''}.`);
    return doc;
  }

  /** A review's documents before and after publication: a confidential read, audited. */
  async documentsOf(reviewId: string, actor: Actor): Promise<{ documents: (ReviewDocument & { blockers: Blocker[] })[]; consents: Partial<Record<ConsentSubject, boolean>> }> {
    await this.audit.record(actor, { action: 'review.read', target: { type: 'review_documents', id: reviewId }, scope: { kind: 'review', id: reviewId } });
    const consents = await this.repo.consents(reviewId);
    const documents = (await this.repo.documents({ reviewId })).map((d) => ({ ...d, blockers: d.publishedAt ? [] : publicationBlockers(d, consents) }));
    return { documents, consents };
  }

  async thematicReports(cycleId: string, actor: Actor): Promise<(ReviewDocument & { blockers: Blocker[] })[]> {
    await this.audit.record(actor, { action: 'review.read', target: { type: 'thematic_reports', id: cycleId } });
    return (await this.repo.documents({ cycleId, kind: 'thematic_report' })).map((d) => ({ ...d, blockers: d.publishedAt ? [] : publicationBlockers(d, {}) }));
  }

  /** A translator (of that language) or the secretariat writes one language's text and its status. */
  async translate(id: number, language: UnLanguage, input: { body: string; status: Exclude<TranslationStatus, 'missing'> }, actor: Actor): Promise<ReviewDocument> {
    const doc = await this.document(id);
    if (doc.publishedAt) throw new DomainError('review.publication_blocked', `Document ${id} is published; its texts no longer change.`);
    await this.repo.setTranslation(id, language, input, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.translation_save', target: { type: 'review_document', id }, scope: { kind: 'language', id: language }, fields: ['body', 'status'] });
    return this.document(id);
  }

  /** The state approves the final text of its report, summary or self-assessment (its focal point). */
  async approve(review: Participation, id: number, actor: Actor): Promise<ReviewDocument> {
    await this.document(id, review.reviewId);
    await this.repo.setDocumentState(id, { approvedBy: actorLabel(actor) });
    await this.audit.record(actor, { action: 'review.document_approve', target: { type: 'review_document', id }, scope: { kind: 'country', id: review.country } });
    return this.document(id);
  }

  async setConsent(review: Participation, subject: ConsentSubject, given: boolean, actor: Actor): Promise<Partial<Record<ConsentSubject, boolean>>> {
    await this.repo.setConsent(review.reviewId, subject, given, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.consent_record', target: { type: 'review', id: review.reviewId }, scope: { kind: 'country', id: review.country }, fields: [subject] });
    return this.repo.consents(review.reviewId);
  }

  /** Publishes a document when the rules are met; otherwise 409 naming what blocks it. */
  async publish(id: number, actor: Actor): Promise<ReviewDocument> {
    const doc = await this.document(id);
    if (doc.publishedAt) return doc;
    const blockers = publicationBlockers(doc, doc.reviewId ? await this.repo.consents(doc.reviewId) : {});
    if (blockers.length > 0) throw new DomainError('review.publication_blocked', `Document ${id} cannot be published yet: ${blockers.map((b) => b.kind).join(', ')}.`, { blockers });
    await this.repo.setDocumentState(id, { publishedAt: new Date() });
    await this.repo.setConfidentiality(id, 'public');
    await this.audit.record(actor, { action: 'review.document_publish', target: { type: 'review_document', id } });
    return this.document(id);
  }

  /** The secretariat's page: every unpublished document with what blocks it and since when. */
  async blocked(language: UnLanguage): Promise<BlockedDocument[]> {
    const out: BlockedDocument[] = [];
    const consents = new Map<string, Partial<Record<ConsentSubject, boolean>>>();
    for (const d of await this.repo.documents({})) {
      if (d.publishedAt) continue;
      if (d.reviewId && !consents.has(d.reviewId)) consents.set(d.reviewId, await this.repo.consents(d.reviewId));
      const blockers = publicationBlockers(d, d.reviewId ? consents.get(d.reviewId)! : {});
      const country = d.reviewId ? d.reviewId.slice(d.reviewId.lastIndexOf('-') + 1).toUpperCase() : null;
      out.push({
        id: d.id,
        kind: d.kind,
        cycle: d.cycleId,
        country,
        name: country ? (stateName(country, language) ?? country) : null,
        section: d.section,
        blockers,
        since: new Date(Math.min(d.createdAt.getTime(), ...blockers.map((b) => b.since.getTime()))),
      });
    }
    // States alphabetically in the reader's language (the thematic reports, of no state, after them); each row says
    // since when it waits.
    const collator = new Intl.Collator(language);
    return out.sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || collator.compare(a.name ?? '', b.name ?? '') || a.id - b.id);
  }

  /** Published documents, in the reader's language when published in it (else in the first published one). */
  async published(language: UnLanguage, filter: { country?: string; cycleId?: string } = {}): Promise<PublishedDocument[]> {
    const docs = (await this.repo.documents({ published: true, ...(filter.cycleId ? { cycleId: filter.cycleId } : {}) })).map((d) => {
      const languages = publishedLanguages(d);
      const lang = languages.includes(language) ? language : languages[0]!;
      const country = d.reviewId ? d.reviewId.slice(d.reviewId.lastIndexOf('-') + 1).toUpperCase() : null;
      return {
        id: d.id,
        kind: d.kind,
        cycle: d.cycleId,
        country,
        name: country ? (stateName(country, language) ?? country) : null,
        section: d.section,
        publishedAt: d.publishedAt!,
        languages,
        language: lang,
        body: d.translations.find((t) => t.language === lang)!.body,
      };
    });
    const wanted = filter.country ? docs.filter((d) => d.country === filter.country) : docs;
    const collator = new Intl.Collator(language);
    // States alphabetically in the reader's language; the thematic reports (no state) after them.
    return wanted.sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || collator.compare(a.name ?? '', b.name ?? '') || a.id - b.id);
  }
}
