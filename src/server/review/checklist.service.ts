import type { Principal } from '../../core/accounts/access-rule.ts';
import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import {
  type Answer,
  type AnswerChange,
  type ChecklistQuestion,
  checklistTemplate,
  compareAnswers,
  progressBySection,
  questionsInScope,
  type SectionProgress,
} from '../../core/review/checklist.ts';
import { type Confidentiality, canRead, type ReviewSide } from '../../core/review/confidentiality.ts';
import type { Cycle, Participation } from '../../core/review/cycle.ts';
import { reviewSideOf } from '../../core/review/review-side.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { ChecklistRow, ReviewRepository, StoredAnswer, Submission } from './review.repository.ts';
import type { ReviewMail } from './review-mail.service.ts';

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export type ChecklistView = {
  review: Participation;
  cycle: Cycle;
  example: boolean;
  side: ReviewSide;
  status: ChecklistRow['status'];
  confidentiality: Confidentiality;
  carriedFrom: string | null;
  templateVersion: number;
  questions: ChecklistQuestion[];
  /** The working answers (the state and the secretariat), or the latest cleared submission (reviewers). */
  answers: StoredAnswer[];
  progress: SectionProgress[];
  submissions: Omit<Submission, 'answers'>[];
};

/** The self-assessment checklist of one review: answers with optimistic locking, submissions, clearance, versions. */
export class ChecklistService {
  constructor(
    private readonly repo: ReviewRepository,
    private readonly audit: AuditService,
    private readonly mail: ReviewMail,
  ) {}

  private async load(review: Participation): Promise<{ cycle: Cycle; checklist: ChecklistRow; questions: ChecklistQuestion[] }> {
    const checklist = await this.repo.findChecklist(review.reviewId);
    if (!checklist || review.status !== 'approved') throw new DomainError('review.not_approved', `The review ${review.reviewId} has no checklist until the Board approves it.`);
    const cycle = (await this.repo.findCycle(review.cycleId))!;
    const questions = questionsInScope(checklistTemplate(checklist.templateVersion)!, cycle.scope);
    return { cycle, checklist, questions };
  }

  async view(review: Participation, principal: Principal, actor: Actor): Promise<ChecklistView> {
    const { cycle, checklist, questions } = await this.load(review);
    const side = reviewSideOf(principal, review);
    if (!canRead(checklist.confidentiality, side)) {
      throw new DomainError('review.confidential', `The checklist of ${review.reviewId} is not shared with you (${checklist.confidentiality}).`);
    }
    const submissions = await this.repo.submissions(review.reviewId);
    let answers: StoredAnswer[];
    if (side === 'reviewer' || side === 'outsider') {
      // Reviewers read what the state cleared, never its drafts.
      const cleared = submissions.filter((s) => s.clearedAt !== null).at(-1);
      answers = cleared ? fromSubmission(cleared) : [];
    } else {
      answers = await this.repo.answers(review.reviewId);
    }
    if (checklist.confidentiality !== 'public') {
      await this.audit.record(actor, { action: 'review.read', target: { type: 'review_checklist', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId } });
    }
    const byId = Object.fromEntries(answers.map((a) => [a.questionId, a.answer]));
    return {
      review,
      cycle,
      example: cycle.example,
      side,
      status: checklist.status,
      confidentiality: checklist.confidentiality,
      carriedFrom: checklist.carriedFrom,
      templateVersion: checklist.templateVersion,
      questions,
      answers,
      progress: progressBySection(questions, byId),
      submissions: submissions.map(({ answers: _a, ...rest }) => rest),
    };
  }

  async saveAnswer(review: Participation, questionId: string, expectedVersion: number, answer: Answer, principal: Principal, actor: Actor): Promise<StoredAnswer> {
    const { questions } = await this.load(review);
    const question = questions.find((q) => q.id === questionId);
    if (!question) throw new DomainError('review.unknown_question', `The checklist of ${review.reviewId} has no question ${questionId}.`, { field: 'question' });
    const assisted = reviewSideOf(principal, review) === 'secretariat';
    const version = await this.repo.saveAnswer(review.reviewId, questionId, expectedVersion, answer, actorLabel(actor), assisted);
    const stored = await this.repo.findAnswer(review.reviewId, questionId);
    if (version === undefined) {
      const current = stored?.version ?? 0;
      throw new DomainError(
        'review.answer_conflict',
        `Question ${questionId} (paragraph ${question.paragraph}) was saved by someone else since you opened it: you edited version ${expectedVersion}, it is now version ${current}. Your text was not saved; keep a copy, load the current answer and save again.`,
        { question: questionId, paragraph: question.paragraph, yourVersion: expectedVersion, currentVersion: current, current: stored?.answer ?? null },
      );
    }
    await this.audit.record(actor, {
      action: 'review.answer_save',
      target: { type: 'review_answer', id: `${review.reviewId}/${questionId}` },
      scope: { kind: 'review', id: review.reviewId },
      fields: assisted ? [...Object.keys(answer), 'assisted'] : Object.keys(answer),
    });
    return stored!;
  }

  async submit(review: Participation, actor: Actor): Promise<number> {
    await this.load(review);
    const answers = await this.repo.answers(review.reviewId);
    const number = await this.repo.insertSubmission(
      review.reviewId,
      Object.fromEntries(answers.map((a) => [a.questionId, a.answer])),
      answers.filter((a) => a.assisted).map((a) => a.questionId),
      actorLabel(actor),
    );
    await this.audit.record(actor, { action: 'review.submit', target: { type: 'review_submission', id: `${review.reviewId}/${number}` }, scope: { kind: 'review', id: review.reviewId } });
    await this.mail.notify(review, 'submitted', 'state', actor);
    return number;
  }

  async clear(review: Participation, number: number | undefined, actor: Actor): Promise<number> {
    await this.load(review);
    const submissions = await this.repo.submissions(review.reviewId);
    const target = number === undefined ? submissions.at(-1) : submissions.find((s) => s.number === number);
    if (!target) throw new DomainError('review.not_submitted', `Nothing has been submitted in ${review.reviewId}${number ? ` as version ${number}` : ''}.`);
    if (target.number !== submissions.at(-1)!.number) {
      throw new DomainError('review.not_submitted', `Version ${target.number} is not the latest submission (${submissions.at(-1)!.number}); clear the latest.`);
    }
    if (!(await this.repo.clearSubmission(review.reviewId, target.number, actorLabel(actor)))) {
      throw new DomainError('review.already_cleared', `Version ${target.number} of ${review.reviewId} is cleared already.`);
    }
    await this.audit.record(actor, { action: 'review.clear', target: { type: 'review_submission', id: `${review.reviewId}/${target.number}` }, scope: { kind: 'review', id: review.reviewId } });
    await this.mail.notify(review, 'cleared', 'state_and_reviewers', actor);
    return target.number;
  }

  async submission(review: Participation, number: number, principal: Principal, actor: Actor): Promise<Submission> {
    const { checklist } = await this.load(review);
    const side = reviewSideOf(principal, review);
    if (!canRead(checklist.confidentiality, side)) throw new DomainError('review.confidential', `The checklist of ${review.reviewId} is not shared with you.`);
    const s = (await this.repo.submissions(review.reviewId)).find((x) => x.number === number);
    if (!s || ((side === 'reviewer' || side === 'outsider') && s.clearedAt === null)) {
      throw new DomainError('review.not_submitted', `No version ${number} of ${review.reviewId}.`);
    }
    if (checklist.confidentiality !== 'public') {
      await this.audit.record(actor, { action: 'review.read', target: { type: 'review_submission', id: `${review.reviewId}/${number}` }, scope: { kind: 'review', id: review.reviewId } });
    }
    return s;
  }

  /** Changes between two submitted versions (`to` may be 0: the working answers, for the state). */
  async diff(review: Participation, from: number, to: number, principal: Principal, actor: Actor): Promise<AnswerChange[]> {
    const { questions } = await this.load(review);
    const a = (await this.submission(review, from, principal, actor)).answers;
    let b: Record<string, Answer>;
    if (to === 0) {
      if (reviewSideOf(principal, review) === 'reviewer') throw new DomainError('review.not_submitted', 'Reviewers compare submitted versions only.');
      b = Object.fromEntries((await this.repo.answers(review.reviewId)).map((x) => [x.questionId, x.answer]));
    } else {
      b = (await this.submission(review, to, principal, actor)).answers;
    }
    return compareAnswers(questions, a, b);
  }

  async setConfidentiality(review: Participation, level: Confidentiality, actor: Actor): Promise<void> {
    await this.load(review);
    await this.repo.setChecklist(review.reviewId, { confidentiality: level });
    await this.audit.record(actor, { action: 'review.answer_save', target: { type: 'review_checklist', id: review.reviewId }, scope: { kind: 'review', id: review.reviewId }, fields: ['confidentiality'] });
  }

  async uploadEvidence(review: Participation, questionId: string, file: { name: string; mediaType: string; content: Buffer }, actor: Actor): Promise<number> {
    const { questions } = await this.load(review);
    if (!questions.some((q) => q.id === questionId)) throw new DomainError('review.unknown_question', `The checklist of ${review.reviewId} has no question ${questionId}.`);
    if (file.content.length > MAX_EVIDENCE_BYTES) throw new DomainError('review.file_too_large', `The file ${file.name} is over ${MAX_EVIDENCE_BYTES / 1024 / 1024} MiB.`);
    const id = await this.repo.insertFile({ reviewId: review.reviewId, questionId, ...file }, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.evidence_upload', target: { type: 'review_evidence_file', id }, scope: { kind: 'review', id: review.reviewId } });
    return id;
  }

  async evidenceFile(review: Participation, id: number, principal: Principal, actor: Actor): Promise<{ name: string; mediaType: string; content: Buffer }> {
    const { checklist } = await this.load(review);
    if (!canRead(checklist.confidentiality, reviewSideOf(principal, review))) throw new DomainError('review.confidential', `The evidence of ${review.reviewId} is not shared with you.`);
    const file = await this.repo.findFile(review.reviewId, id);
    if (!file) throw new DomainError('review.file_not_found', `No evidence file ${id} in ${review.reviewId}.`);
    await this.audit.record(actor, { action: 'review.read', target: { type: 'review_evidence_file', id }, scope: { kind: 'review', id: review.reviewId } });
    return file;
  }
}

function fromSubmission(s: Submission): StoredAnswer[] {
  return Object.entries(s.answers).map(([questionId, answer]) => ({
    questionId,
    version: s.number,
    answer,
    assisted: s.assistedQuestions.includes(questionId),
    carriedOver: false,
    updatedBy: s.submittedBy,
    updatedAt: s.submittedAt,
  }));
}
