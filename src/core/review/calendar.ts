import { stateName } from '../reference/states.ts';
import type { UnLanguage } from '../reference/un-languages.ts';
import type { Cycle, Participation, ReviewStage } from './cycle.ts';

/**
 * The public calendar (issue 9 item 8): each participating state's stage and dates — nothing else. Ordered by date
 * (the deadline of the stage the state is in), states on the same date alphabetically in the reader's language.
 */
export type CalendarEntry = {
  cycle: string;
  cycleTitle: string;
  example: boolean;
  country: string;
  name: string;
  stage: ReviewStage;
  /** The deadline of the stage the review is in. */
  date: string;
  /** When the Board approved the state's participation (YYYY-MM-DD). */
  approvedOn: string | null;
};

export function calendarEntries(items: { cycle: Cycle; participations: Participation[] }[], language: UnLanguage): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const { cycle, participations } of items) {
    const last = cycle.stages.at(-1)?.deadline ?? cycle.boardDecision.date;
    for (const p of participations) {
      if (p.status !== 'approved') continue;
      entries.push({
        cycle: cycle.id,
        cycleTitle: cycle.title,
        example: cycle.example,
        country: p.country,
        name: stateName(p.country, language) ?? p.country,
        stage: p.stage,
        date: cycle.stages.find((s) => s.stage === p.stage)?.deadline ?? last,
        approvedOn: p.approvedAt ? p.approvedAt.toISOString().slice(0, 10) : null,
      });
    }
  }
  const collator = new Intl.Collator(language);
  return entries.sort((a, b) => a.date.localeCompare(b.date) || collator.compare(a.name, b.name) || a.cycle.localeCompare(b.cycle));
}

export const CALENDAR_CSV_COLUMNS = ['cycle', 'cycleTitle', 'example', 'country', 'name', 'stage', 'date', 'approvedOn'] as const;
