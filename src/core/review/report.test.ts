import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../reference/un-languages.ts';
import { calendarEntries } from './calendar.ts';
import { checklistTemplate, emptyAnswer } from './checklist.ts';
import type { Cycle, Participation } from './cycle.ts';
import { draftThematic, publicationBlockers, type ReviewDocument, thematicData } from './report.ts';

const at = new Date('2027-01-01T00:00:00Z');
const doc = (kind: ReviewDocument['kind'], verified: readonly string[], approved = true): ReviewDocument => ({
  id: 1,
  kind,
  reviewId: 'c1-ken',
  cycleId: 'c1',
  section: null,
  createdAt: at,
  approvedAt: approved ? at : null,
  publishedAt: null,
  translations: UN_LANGUAGES.map((language) => ({ language, status: verified.includes(language) ? 'verified' : 'draft', translator: null, body: 'x', updatedAt: at })),
});

describe('publication rules', () => {
  it('holds an executive summary until the state approves it and all six languages are verified', () => {
    expect(publicationBlockers(doc('executive_summary', UN_LANGUAGES), {})).toEqual([]);
    expect(publicationBlockers(doc('executive_summary', ['en', 'fr']), {}).map((b) => (b.kind === 'translation' ? b.language : b.kind))).toEqual(['ar', 'es', 'ru', 'zh']);
    expect(publicationBlockers(doc('executive_summary', UN_LANGUAGES, false), {}).map((b) => b.kind)).toEqual(['state_approval']);
  });

  it('publishes the full report and the self-assessment only with recorded consent', () => {
    expect(publicationBlockers(doc('report', ['en']), {}).map((b) => b.kind)).toEqual(['consent']);
    expect(publicationBlockers(doc('report', ['en']), { full_report: false }).map((b) => b.kind)).toEqual(['consent']);
    expect(publicationBlockers(doc('report', ['en']), { full_report: true })).toEqual([]);
    expect(publicationBlockers(doc('self_assessment', ['en']), { full_report: true }).map((b) => b.kind)).toEqual(['consent']);
  });
});

describe('thematic report', () => {
  const questions = checklistTemplate(1)!.questions;
  const q = questions.find((x) => x.section === 'methods')!;
  const answer = (status: 'fully' | 'planned', text: string) => ({ [q.id]: { ...emptyAnswer, status, difficulties: text } });

  it('counts how many states gave each answer and names a state only with its consent', () => {
    const data = thematicData(
      {
        section: 'methods',
        cycleTitle: 'C',
        questions,
        states: [
          { country: 'KEN', named: true, answers: answer('fully', 'Kenya text') },
          { country: 'FRA', named: false, answers: answer('planned', 'France text') },
          { country: 'MEX', named: false, answers: answer('planned', 'Mexico text') },
        ],
      },
      'en',
    ).find((x) => x.questionId === q.id)!;
    expect(data.counts.fully).toBe(1);
    expect(data.counts.planned).toBe(2);
    expect(data.challenges).toEqual([
      { by: 'KEN', text: 'Kenya text' },
      { by: null, text: 'France text' },
      { by: null, text: 'Mexico text' },
    ]);
    const fr = draftThematic({ section: 'methods', cycleTitle: 'C', questions, states: [{ country: 'FRA', named: false, answers: answer('planned', 'x') }] }, 'fr');
    expect(fr).toContain('Un État: x');
    expect(fr).not.toContain('France');
  });
});

describe('calendar', () => {
  it('lists approved states only, by the deadline of their stage, then by name', () => {
    const cycle = { id: 'c1', title: 'T', example: false, boardDecision: { symbol: 'S', date: '2026-01-01' }, stages: [{ stage: 'self_assessment', deadline: '2027-03-31' }, { stage: 'dialogue', deadline: '2027-06-30' }] } as Cycle;
    const p = (country: string, stage: Participation['stage'], status: Participation['status'] = 'approved') => ({ country, stage, status, approvedAt: at }) as Participation;
    const entries = calendarEntries([{ cycle, participations: [p('KEN', 'dialogue'), p('MEX', 'self_assessment'), p('FRA', 'self_assessment'), p('CHN', 'self_assessment', 'requested')] }], 'en');
    expect(entries.map((e) => [e.country, e.date])).toEqual([
      ['FRA', '2027-03-31'],
      ['MEX', '2027-03-31'],
      ['KEN', '2027-06-30'],
    ]);
    expect(Object.keys(entries[0]!).sort()).toEqual(['approvedOn', 'country', 'cycle', 'cycleTitle', 'date', 'example', 'name', 'stage']);
  });
});
