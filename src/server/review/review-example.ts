import type { Principal } from '../../core/accounts/access-rule.ts';
import type { Actor } from '../../core/audit/audit-entry.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import { type Answer, CURRENT_CHECKLIST_VERSION, checklistTemplate, IMPLEMENTATION_STATUSES, TA_TYPES } from '../../core/review/checklist.ts';
import { type Cycle, type ReviewStage, reviewIdOf } from '../../core/review/cycle.ts';
import type { Services } from '../services.ts';

export const EXAMPLE_CYCLE_ID = 'example';

/**
 * The example cycle of `safer review example` (training and tests; never loaded by default): labelled EXAMPLE in its
 * title, its Board symbol, its `example` flag and every answer's text. Six states at different stages, with answers
 * that differ widely from state to state (so that any order by answers would show), all made up.
 */
const STATES: { country: string; language: UnLanguage; stage: ReviewStage | 'requested'; answered: number; cleared: boolean; shift: number }[] = [
  { country: 'KEN', language: 'en', stage: 'dialogue', answered: 1, cleared: true, shift: 0 },
  { country: 'MEX', language: 'es', stage: 'desk_review', answered: 1, cleared: true, shift: 4 },
  { country: 'FRA', language: 'fr', stage: 'self_assessment', answered: 0.5, cleared: false, shift: 2 },
  { country: 'JOR', language: 'ar', stage: 'self_assessment', answered: 0.3, cleared: false, shift: 5 },
  { country: 'POL', language: 'ru', stage: 'self_assessment', answered: 0, cleared: false, shift: 1 },
  { country: 'CHN', language: 'zh', stage: 'requested', answered: 0, cleared: false, shift: 3 },
];

export async function loadReviewExample(services: Services, actor: Actor): Promise<Cycle> {
  const { cycles, checklists } = services.review;
  const cycle = await cycles.createCycle(
    {
      id: EXAMPLE_CYCLE_ID,
      title: 'EXAMPLE — training cycle (not a real review)',
      boardDecision: { symbol: 'EXAMPLE/EB.2027/1', date: '2027-01-15' },
      scope: ['principles', 'organisation', 'methods', 'content', 'approaches'],
      stages: [
        { stage: 'self_assessment', deadline: '2027-04-30' },
        { stage: 'desk_review', deadline: '2027-06-30' },
        { stage: 'dialogue', deadline: '2027-09-30' },
        { stage: 'report', deadline: '2027-12-15' },
        { stage: 'approval', deadline: '2028-02-28' },
        { stage: 'publication', deadline: '2028-04-30' },
      ],
      firstCycle: true,
    },
    actor,
    { example: true },
  );
  const questions = checklistTemplate(CURRENT_CHECKLIST_VERSION)!.questions;
  for (const s of STATES) {
    await cycles.requestParticipation(cycle.id, s.country, s.language, actor);
    if (s.stage === 'requested') continue;
    const review = await cycles.approve(cycle.id, s.country, undefined, actor);
    const asState: Principal = { kind: 'user', userId: 0, grants: [{ role: 'country:expert', scope: { kind: 'country', id: s.country } }], secondFactor: false };
    const count = Math.round(questions.length * s.answered);
    for (const [i, q] of questions.slice(0, count).entries()) {
      await checklists.saveAnswer(review, q.id, 0, exampleAnswer(i + s.shift, s.country, q.paragraph), asState, actor);
    }
    if (count > 0 && s.cleared) {
      await checklists.submit(review, actor);
      await checklists.clear(review, undefined, actor);
    }
    if (s.stage !== 'self_assessment') await cycles.setStage(reviewIdOf(cycle.id, s.country), s.stage, actor);
  }
  await services.audit.record(actor, { action: 'review.example_load', target: { type: 'review_cycle', id: cycle.id } });
  return cycle;
}

function exampleAnswer(n: number, country: string, paragraph: string): Answer {
  const status = IMPLEMENTATION_STATUSES[n % IMPLEMENTATION_STATUSES.length]!;
  return {
    status,
    narrative: `EXAMPLE (${country}, para ${paragraph}): made-up text for training; status ${status}.`,
    measures: n % 2 === 0 ? `EXAMPLE: measure ${n} taken by the national and local governments.` : '',
    difficulties: n % 3 === 0 ? 'EXAMPLE: data are not disaggregated by sex and age below the city level.' : '',
    goodPractices: n % 4 === 1 ? 'EXAMPLE: a neighbourhood safety walk with women and girls each quarter.' : '',
    evidence: n % 3 === 1 ? [{ kind: 'link', url: 'https://example.org/evidence', title: 'EXAMPLE evidence' }] : [],
    taNeeds: n % 5 === 2 ? [{ type: TA_TYPES[n % TA_TYPES.length]!, subject: 'methods', details: 'EXAMPLE: training on geo-referenced analysis.' }] : [],
  };
}
