import { z } from 'zod';
import type { UnLanguage } from '../reference/un-languages.ts';
import { QUESTIONS_V1, type QuestionSeed, SECTION_IDS, SECTION_PARAGRAPHS, type SectionId } from './checklist-template.data.ts';

export { SECTION_IDS, SECTION_PARAGRAPHS, type SectionId };

/**
 * The self-assessment checklist (issue 8, seeds/002 para 14): a versioned template whose questions follow the
 * guidelines' structure and cite their paragraphs. A template version never changes once used; a new version adds or
 * rewords questions under new ids.
 */
export type ChecklistQuestion = QuestionSeed & {
  /** Whose text it is: ours, until a person verifies it against the guidelines. */
  readonly textStatus: 'unofficial' | 'verified';
};
export type ChecklistTemplate = { readonly version: number; readonly questions: readonly ChecklistQuestion[] };

export const CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  { version: 1, questions: QUESTIONS_V1.map((question) => ({ ...question, textStatus: 'unofficial' as const })) },
];
export const CURRENT_CHECKLIST_VERSION = 1;

export function checklistTemplate(version: number): ChecklistTemplate | undefined {
  return CHECKLIST_TEMPLATES.find((t) => t.version === version);
}

/** The questions of a template restricted to a cycle's scope (the parts of the guidelines it reviews). */
export function questionsInScope(template: ChecklistTemplate, scope: readonly SectionId[]): ChecklistQuestion[] {
  return template.questions.filter((question) => scope.includes(question.section));
}

export function questionText(question: ChecklistQuestion, language: UnLanguage): string {
  return question.text[language];
}

/** The implementation status scale: the process a state reports, never a score. */
export const IMPLEMENTATION_STATUSES = ['not_started', 'planned', 'partly', 'largely', 'fully', 'not_applicable'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** Technical-assistance types and subjects (fixed lists, issue 8 item 3), each with free text. */
export const TA_TYPES = [
  'legal_advice',
  'capacity_building',
  'data_and_statistics',
  'policy_development',
  'institution_building',
  'exchange_of_experience',
  'equipment_and_technology',
  'financing',
  'other',
] as const;
export const TA_SUBJECTS = SECTION_IDS;

const text = (max: number) => z.string().max(max);

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('link'),
    /** An http(s) address, or a page of this platform such as a city's indicators (`/cities/nairobi/…`). */
    url: z.union([z.url({ protocol: /^https?$/ }).max(2000), z.string().regex(/^\/[\w\-/.?=&%#]{0,1999}$/, 'a platform path')]),
    title: text(300).default(''),
  }),
  /** A file uploaded to the review; `fileId` names it in review_evidence_files. */
  z.object({ kind: z.literal('file'), fileId: z.number().int().positive(), name: text(300) }),
]);
export type Evidence = z.infer<typeof evidenceSchema>;

export const taNeedSchema = z.object({
  type: z.enum(TA_TYPES),
  subject: z.enum(TA_SUBJECTS),
  details: text(4000).default(''),
});
export type TaNeed = z.infer<typeof taNeedSchema>;

export const answerSchema = z.object({
  status: z.enum(IMPLEMENTATION_STATUSES).nullable().default(null),
  narrative: text(20000).default(''),
  measures: text(20000).default(''),
  difficulties: text(20000).default(''),
  goodPractices: text(20000).default(''),
  evidence: z.array(evidenceSchema).max(50).default([]),
  taNeeds: z.array(taNeedSchema).max(20).default([]),
});
export type Answer = z.infer<typeof answerSchema>;

export const emptyAnswer: Answer = {
  status: null,
  narrative: '',
  measures: '',
  difficulties: '',
  goodPractices: '',
  evidence: [],
  taNeeds: [],
};

/** An answer counts as given when it has a status and, unless not applicable, a narrative. */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer || answer.status === null) return false;
  return answer.status === 'not_applicable' || answer.narrative.trim().length > 0;
}

export type SectionProgress = { section: SectionId; answered: number; total: number };

/** How far the state has got, per section of the scope: a count of questions answered, never a grade. */
export function progressBySection(
  questions: readonly ChecklistQuestion[],
  answers: ReadonlyMap<string, Answer> | Readonly<Record<string, Answer>>,
): SectionProgress[] {
  const get = (id: string) => (answers instanceof Map ? answers.get(id) : (answers as Record<string, Answer>)[id]);
  const out: SectionProgress[] = [];
  for (const section of SECTION_IDS) {
    const inSection = questions.filter((question) => question.section === section);
    if (inSection.length === 0) continue;
    out.push({ section, answered: inSection.filter((question) => isAnswered(get(question.id))).length, total: inSection.length });
  }
  return out;
}

export const ANSWER_FIELDS = ['status', 'narrative', 'measures', 'difficulties', 'goodPractices', 'evidence', 'taNeeds'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export type AnswerChange = { questionId: string; fields: AnswerField[]; before: Answer | null; after: Answer | null };

/** What changed between two versions of a checklist, question by question, in template order. */
export function compareAnswers(
  questions: readonly ChecklistQuestion[],
  before: Readonly<Record<string, Answer>>,
  after: Readonly<Record<string, Answer>>,
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const question of questions) {
    const a = before[question.id] ?? null;
    const b = after[question.id] ?? null;
    const fields = ANSWER_FIELDS.filter((f) => JSON.stringify((a ?? emptyAnswer)[f]) !== JSON.stringify((b ?? emptyAnswer)[f]));
    if (fields.length > 0) changes.push({ questionId: question.id, fields, before: a, after: b });
  }
  return changes;
}
