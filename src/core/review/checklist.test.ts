import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../reference/un-languages.ts';
import { answerSchema, CHECKLIST_TEMPLATES, compareAnswers, emptyAnswer, progressBySection, questionsInScope } from './checklist.ts';

const template = CHECKLIST_TEMPLATES[0]!;

describe('checklist template', () => {
  it('follows the guidelines: every principle para 10–22, then 23–24, 25, 26, 27–28, each question citing its paragraph', () => {
    const principles = template.questions.filter((q) => q.section === 'principles').map((q) => q.paragraph);
    expect(principles).toEqual(['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22']);
    for (const [section, first] of [['organisation', '23'], ['methods', '25'], ['content', '26'], ['approaches', '27']] as const) {
      const qs = template.questions.filter((q) => q.section === section);
      expect(qs.length).toBeGreaterThan(0);
      expect(qs[0]!.paragraph.startsWith(first)).toBe(true);
    }
    expect(new Set(template.questions.map((q) => q.id)).size).toBe(template.questions.length);
  });

  it('has every question in the six languages, distinct texts, marked unofficial', () => {
    for (const q of template.questions) {
      expect(q.textStatus).toBe('unofficial');
      const texts = UN_LANGUAGES.map((l) => q.text[l]);
      for (const t of texts) expect(t.length).toBeGreaterThan(20);
      expect(new Set(texts).size).toBe(6);
    }
    expect(template.questions.every((q) => /[\u0600-\u06ff]/.test(q.text.ar) && /[\u4e00-\u9fff]/.test(q.text.zh) && /[\u0400-\u04ff]/.test(q.text.ru))).toBe(true);
  });

  it('restricts the questions to a scope', () => {
    expect(questionsInScope(template, ['approaches']).map((q) => q.id)).toEqual(['a27', 'a28']);
  });
});

describe('answers and progress', () => {
  it('counts a question answered with a status and a narrative, or not applicable', () => {
    const qs = questionsInScope(template, ['organisation', 'approaches']);
    const answers = {
      o23: { ...emptyAnswer, status: 'partly' as const, narrative: 'A national forum exists.' },
      o24: { ...emptyAnswer, status: 'fully' as const },
      a27: { ...emptyAnswer, status: 'not_applicable' as const },
    };
    expect(progressBySection(qs, answers)).toEqual([
      { section: 'organisation', answered: 1, total: 2 },
      { section: 'approaches', answered: 1, total: 2 },
    ]);
  });

  it('takes links to outside pages and to the platform, and refuses other schemes, naming the field', () => {
    expect(answerSchema.safeParse({ evidence: [{ kind: 'link', url: 'https://example.org/plan.pdf' }] }).success).toBe(true);
    expect(answerSchema.safeParse({ evidence: [{ kind: 'link', url: '/cities/nairobi' }] }).success).toBe(true);
    const bad = answerSchema.safeParse({ evidence: [{ kind: 'link', url: 'javascript:alert(1)' }] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path.slice(0, 3)).toEqual(['evidence', 0, 'url']);
  });

  it('compares two versions field by field', () => {
    const qs = questionsInScope(template, ['approaches']);
    const before = { a27: { ...emptyAnswer, status: 'planned' as const, narrative: 'x' } };
    const after = { a27: { ...emptyAnswer, status: 'partly' as const, narrative: 'x' }, a28: { ...emptyAnswer, narrative: 'new' } };
    const diff = compareAnswers(qs, before, after);
    expect(diff.map((d) => [d.questionId, d.fields])).toEqual([
      ['a27', ['status']],
      ['a28', ['narrative']],
    ]);
    expect(compareAnswers(qs, after, after)).toEqual([]);
  });
});
