import { z } from 'zod';
import { stateByAlpha3 } from '../reference/states.ts';
import { UN_LANGUAGES } from '../reference/un-languages.ts';
import { SECTION_IDS, type SectionId } from './checklist-template.data.ts';

/** The stages of a state's review in a cycle, in the order they run (issue 8 item 1). */
export const REVIEW_STAGES = ['self_assessment', 'desk_review', 'dialogue', 'report', 'approval', 'publication'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const cycleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a cycle id: lower-case letters, digits, hyphens');

export const newCycleSchema = z
  .object({
    id: cycleIdSchema,
    title: z.string().trim().min(1).max(200),
    boardDecision: z.object({
      symbol: z.string().trim().min(1).max(100),
      date: z.iso.date(),
    }),
    scope: z.array(z.enum(SECTION_IDS)).min(1),
    stages: z.array(z.object({ stage: z.enum(REVIEW_STAGES), deadline: z.iso.date() })).min(1),
    firstCycle: z.boolean().default(false),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.stages.forEach((s, i) => {
      if (seen.has(s.stage)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'stage'], message: `stage ${s.stage} given twice` });
      seen.add(s.stage);
    });
    const ordered = [...c.stages].sort((a, b) => REVIEW_STAGES.indexOf(a.stage) - REVIEW_STAGES.indexOf(b.stage));
    for (let i = 1; i < ordered.length; i++) {
      if (ordered[i]!.deadline < ordered[i - 1]!.deadline) {
        const index = c.stages.indexOf(ordered[i]!);
        ctx.addIssue({ code: 'custom', path: ['stages', index, 'deadline'], message: `the ${ordered[i]!.stage} deadline comes before the ${ordered[i - 1]!.stage} one` });
      }
    }
  });
export type NewCycle = z.infer<typeof newCycleSchema>;

export type Cycle = {
  id: string;
  title: string;
  boardDecision: { symbol: string; date: string };
  scope: SectionId[];
  stages: { stage: ReviewStage; deadline: string }[];
  firstCycle: boolean;
  checklistVersion: number;
  example: boolean;
  createdAt: Date;
};

export const PARTICIPATION_STATUSES = ['requested', 'approved', 'withdrawn'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const participationRequestSchema = z.object({
  language: z.enum(UN_LANGUAGES).default('en'),
});

export const approvalSchema = z.object({
  /** The Board decision that approved the state's participation, when another than the cycle's. */
  boardDecisionSymbol: z.string().trim().max(100).optional(),
});

export type Participation = {
  cycleId: string;
  country: string;
  reviewId: string;
  status: ParticipationStatus;
  stage: ReviewStage;
  language: (typeof UN_LANGUAGES)[number];
  requestedAt: Date;
  approvedAt: Date | null;
  boardDecisionSymbol: string | null;
};

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code in capitals, e.g. KEN')
  .refine((c) => stateByAlpha3(c)?.unMember === true, 'a UN Member State');

/** A state's review in a cycle is named `<cycle>-<alpha-3 in lower case>`: the scope of its reviewers' role. */
export function reviewIdOf(cycleId: string, country: string): string {
  return `${cycleId}-${country.toLowerCase()}`;
}

/** Whether a deadline has passed for a stage not yet left: the process status a secretariat sees, nothing more. */
export function isOverdue(stage: ReviewStage, stages: Cycle['stages'], today: string): boolean {
  const deadline = stages.find((s) => s.stage === stage)?.deadline;
  return deadline !== undefined && deadline < today;
}
