import { z } from 'zod';
import { stateName } from '../reference/states.ts';
import { UN_LANGUAGES, type UnLanguage } from '../reference/un-languages.ts';
import { type Answer, type ChecklistQuestion, IMPLEMENTATION_STATUSES, type ImplementationStatus, questionText } from './checklist.ts';
import type { SectionId } from './checklist-template.data.ts';

/**
 * Review documents (issue 9 items 1, 2, 4): the country review report, its executive summary, the self-assessment
 * as published, and the thematic implementation report of a cycle per guideline section. Each has a text per
 * language with a status and a translator; publication waits for the rules below.
 */
export const DOCUMENT_KINDS = ['report', 'executive_summary', 'self_assessment', 'thematic_report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const TRANSLATION_STATUSES = ['missing', 'draft', 'verified'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];
export const CONSENT_SUBJECTS = ['full_report', 'self_assessment', 'named_in_thematic'] as const;
export type ConsentSubject = (typeof CONSENT_SUBJECTS)[number];

export const translationInputSchema = z.object({
  body: z.string().max(200_000),
  status: z.enum(['draft', 'verified']),
});
export const consentInputSchema = z.object({ subject: z.enum(CONSENT_SUBJECTS), given: z.boolean() });

export type Translation = { language: UnLanguage; status: TranslationStatus; translator: string | null; body: string; updatedAt: Date };
export type ReviewDocument = {
  id: number;
  kind: DocumentKind;
  reviewId: string | null;
  cycleId: string | null;
  section: SectionId | null;
  createdAt: Date;
  approvedAt: Date | null;
  publishedAt: Date | null;
  translations: Translation[];
};

export type Blocker =
  | { kind: 'translation'; language: UnLanguage; status: TranslationStatus; since: Date }
  | { kind: 'state_approval'; since: Date }
  | { kind: 'consent'; subject: ConsentSubject; since: Date };

/**
 * What keeps a document from publication, each with the date since when (seeds/002 paras 24–26): the executive
 * summary needs the state's approval and all six languages verified; the full report and the self-assessment need the
 * state's approval (the self-assessment: its clearance, recorded as approval), its recorded consent, and at least
 * one verified language; a thematic report needs all six languages verified.
 */
export function publicationBlockers(doc: ReviewDocument, consents: Partial<Record<ConsentSubject, boolean>>): Blocker[] {
  const blockers: Blocker[] = [];
  if (doc.kind !== 'thematic_report' && !doc.approvedAt) blockers.push({ kind: 'state_approval', since: doc.createdAt });
  if (doc.kind === 'report' && consents.full_report !== true) blockers.push({ kind: 'consent', subject: 'full_report', since: doc.createdAt });
  if (doc.kind === 'self_assessment' && consents.self_assessment !== true) blockers.push({ kind: 'consent', subject: 'self_assessment', since: doc.createdAt });
  const byLang = new Map(doc.translations.map((t) => [t.language, t]));
  const allSix = doc.kind === 'executive_summary' || doc.kind === 'thematic_report';
  if (allSix) {
    for (const language of UN_LANGUAGES) {
      const t = byLang.get(language);
      if (t?.status !== 'verified') blockers.push({ kind: 'translation', language, status: t?.status ?? 'missing', since: t?.updatedAt ?? doc.createdAt });
    }
  } else if (!doc.translations.some((t) => t.status === 'verified')) {
    const first = doc.translations[0];
    blockers.push({ kind: 'translation', language: first?.language ?? 'en', status: first?.status ?? 'missing', since: first?.updatedAt ?? doc.createdAt });
  }
  return blockers;
}

/** The languages a published document shows: the verified ones. */
export function publishedLanguages(doc: ReviewDocument): UnLanguage[] {
  return doc.translations.filter((t) => t.status === 'verified').map((t) => t.language);
}

/** Headings of generated drafts: document text, in six languages. */
const H: Record<string, Record<UnLanguage, string>> = {
  report: { ar: 'تقرير الاستعراض القطري', en: 'Country review report', es: 'Informe del examen del país', fr: "Rapport d'examen de pays", ru: 'Доклад об обзоре страны', zh: '国家审议报告' },
  summary: { ar: 'الملخص التنفيذي', en: 'Executive summary', es: 'Resumen ejecutivo', fr: 'Résumé analytique', ru: 'Резюме', zh: '执行摘要' },
  selfAssessment: { ar: 'التقييم الذاتي', en: 'Self-assessment', es: 'Autoevaluación', fr: 'Auto-évaluation', ru: 'Самооценка', zh: '自我评估' },
  measures: { ar: 'التدابير المتخذة', en: 'Measures taken', es: 'Medidas adoptadas', fr: 'Mesures prises', ru: 'Принятые меры', zh: '已采取的措施' },
  difficulties: { ar: 'التحديات', en: 'Challenges', es: 'Dificultades', fr: 'Difficultés', ru: 'Трудности', zh: '挑战' },
  goodPractices: { ar: 'الممارسات الجيدة', en: 'Good practices', es: 'Buenas prácticas', fr: 'Bonnes pratiques', ru: 'Передовая практика', zh: '良好做法' },
  taNeeds: { ar: 'احتياجات المساعدة التقنية', en: 'Technical-assistance needs', es: 'Necesidades de asistencia técnica', fr: "Besoins d'assistance technique", ru: 'Потребности в технической помощи', zh: '技术援助需求' },
  dialogue: { ar: 'الحوار', en: 'Dialogue', es: 'Diálogo', fr: 'Dialogue', ru: 'Диалог', zh: '对话' },
  paragraph: { ar: 'الفقرة', en: 'Paragraph', es: 'Párrafo', fr: 'Paragraphe', ru: 'Пункт', zh: '段' },
  thematic: { ar: 'التقرير المواضيعي عن التنفيذ', en: 'Thematic implementation report', es: 'Informe temático sobre la aplicación', fr: "Rapport thématique sur l'application", ru: 'Тематический доклад об осуществлении', zh: '专题执行情况报告' },
  answers: { ar: 'عدد الدول حسب الإجابة', en: 'Number of states by answer', es: 'Número de Estados por respuesta', fr: 'Nombre d’États par réponse', ru: 'Число государств по ответам', zh: '按答复分列的国家数目' },
  aState: { ar: 'دولة', en: 'A state', es: 'Un Estado', fr: 'Un État', ru: 'Государство', zh: '一国' },
};
const STATUS_WORDS: Record<ImplementationStatus, Record<UnLanguage, string>> = {
  not_started: { ar: 'لم يبدأ', en: 'not started', es: 'no iniciado', fr: 'pas commencé', ru: 'не начато', zh: '未开始' },
  planned: { ar: 'مخطط', en: 'planned', es: 'previsto', fr: 'prévu', ru: 'запланировано', zh: '已计划' },
  partly: { ar: 'جزئياً', en: 'partly', es: 'en parte', fr: 'en partie', ru: 'частично', zh: '部分' },
  largely: { ar: 'إلى حد كبير', en: 'largely', es: 'en gran medida', fr: 'en grande partie', ru: 'в основном', zh: '大部分' },
  fully: { ar: 'بالكامل', en: 'fully', es: 'plenamente', fr: 'pleinement', ru: 'полностью', zh: '完全' },
  not_applicable: { ar: 'لا ينطبق', en: 'not applicable', es: 'no aplicable', fr: 'sans objet', ru: 'неприменимо', zh: '不适用' },
};

export type DraftInput = {
  country: string;
  cycleTitle: string;
  questions: readonly ChecklistQuestion[];
  answers: Readonly<Record<string, Answer>>;
  /** Dialogue messages the state and reviewers may read, per question (null: the review as a whole). */
  dialogue: readonly { questionId: string | null; body: string }[];
};

/** A generated first draft (Markdown) in one language: the secretariat edits it before the state approves it. */
export function draftDocument(kind: 'report' | 'executive_summary' | 'self_assessment', input: DraftInput, language: UnLanguage): string {
  const name = stateName(input.country, language) ?? input.country;
  const title = kind === 'report' ? H.report! : kind === 'executive_summary' ? H.summary! : H.selfAssessment!;
  const lines = [`# ${title[language]} — ${name}`, '', input.cycleTitle, ''];
  for (const q of input.questions) {
    const a = input.answers[q.id];
    if (!a) continue;
    if (kind === 'executive_summary') {
      if (a.goodPractices) lines.push(`- ${H.goodPractices![language]} (${q.paragraph}): ${a.goodPractices}`);
      if (a.difficulties) lines.push(`- ${H.difficulties![language]} (${q.paragraph}): ${a.difficulties}`);
      continue;
    }
    lines.push(`## ${H.paragraph![language]} ${q.paragraph}`, '', `*${questionText(q, language)}*`, '');
    if (a.narrative) lines.push(a.narrative, '');
    if (a.measures) lines.push(`**${H.measures![language]}**: ${a.measures}`, '');
    if (a.difficulties) lines.push(`**${H.difficulties![language]}**: ${a.difficulties}`, '');
    if (a.goodPractices) lines.push(`**${H.goodPractices![language]}**: ${a.goodPractices}`, '');
    if (a.taNeeds.length > 0) lines.push(`**${H.taNeeds![language]}**: ${a.taNeeds.map((n) => n.details || n.type).join('; ')}`, '');
    if (kind === 'report') {
      const said = input.dialogue.filter((m) => m.questionId === q.id);
      if (said.length > 0) lines.push(`**${H.dialogue![language]}**:`, ...said.map((m) => `> ${m.body}`), '');
    }
  }
  return `${lines.join('\n').trim()}\n`;
}

export type ThematicInput = {
  section: SectionId;
  cycleTitle: string;
  questions: readonly ChecklistQuestion[];
  /** Each reviewed state's answers, and whether it consented to be named. */
  states: readonly { country: string; named: boolean; answers: Readonly<Record<string, Answer>> }[];
};

export type ThematicQuestion = {
  questionId: string;
  paragraph: string;
  /** How many states gave each answer (never which state gave which). */
  counts: Record<ImplementationStatus, number>;
  challenges: { by: string | null; text: string }[];
  goodPractices: { by: string | null; text: string }[];
  taNeeds: { by: string | null; type: string; details: string }[];
};

/** The thematic report's data per question: counts of answers, and texts attributed only with consent. */
export function thematicData(input: ThematicInput, language: UnLanguage): ThematicQuestion[] {
  const collator = new Intl.Collator(language);
  const states = [...input.states].sort((a, b) => collator.compare(stateName(a.country, language) ?? a.country, stateName(b.country, language) ?? b.country));
  return input.questions
    .filter((q) => q.section === input.section)
    .map((q) => {
      const counts = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<ImplementationStatus, number>;
      const out: ThematicQuestion = { questionId: q.id, paragraph: q.paragraph, counts, challenges: [], goodPractices: [], taNeeds: [] };
      for (const s of states) {
        const a = s.answers[q.id];
        if (!a) continue;
        const by = s.named ? s.country : null;
        if (a.status) counts[a.status]++;
        if (a.difficulties) out.challenges.push({ by, text: a.difficulties });
        if (a.goodPractices) out.goodPractices.push({ by, text: a.goodPractices });
        for (const n of a.taNeeds) out.taNeeds.push({ by, type: n.type, details: n.details });
      }
      // Unnamed contributions carry no order that could point to a state: they follow the named ones, by text.
      for (const list of [out.challenges, out.goodPractices]) list.sort((x, y) => Number(x.by === null) - Number(y.by === null) || (x.by === null ? x.text.localeCompare(y.text) : 0));
      return out;
    });
}

/** The generated first draft of a thematic report in one language (Markdown). */
export function draftThematic(input: ThematicInput, language: UnLanguage): string {
  const who = (by: string | null) => (by ? (stateName(by, language) ?? by) : H.aState![language]);
  const lines = [`# ${H.thematic![language]} — ${input.section}`, '', input.cycleTitle, ''];
  for (const q of thematicData(input, language)) {
    const question = input.questions.find((x) => x.id === q.questionId)!;
    lines.push(`## ${H.paragraph![language]} ${q.paragraph}`, '', `*${questionText(question, language)}*`, '');
    lines.push(`**${H.answers![language]}**: ${IMPLEMENTATION_STATUSES.map((s) => `${STATUS_WORDS[s][language]} ${q.counts[s]}`).join(', ')}`, '');
    if (q.challenges.length) lines.push(`**${H.difficulties![language]}**`, ...q.challenges.map((c) => `- ${who(c.by)}: ${c.text}`), '');
    if (q.goodPractices.length) lines.push(`**${H.goodPractices![language]}**`, ...q.goodPractices.map((c) => `- ${who(c.by)}: ${c.text}`), '');
    if (q.taNeeds.length) lines.push(`**${H.taNeeds![language]}**`, ...q.taNeeds.map((c) => `- ${who(c.by)}: ${c.details || c.type}`), '');
  }
  return `${lines.join('\n').trim()}\n`;
}
