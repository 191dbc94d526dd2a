import { z } from 'zod';
import { TA_TYPES } from './checklist.ts';
import { SECTION_IDS } from './checklist-template.data.ts';

/**
 * The Implementation Review Group, follow-up, technical assistance and budget (issue 9 items 3, 5–7; seeds/002
 * paras 27–35). Input schemas; the server stores and the web app shows them.
 */
export const AGENDA_ITEMS = ['review_progress', 'thematic_report', 'technical_assistance', 'budget', 'mechanism_performance', 'other'] as const;
export const VENUES = ['nairobi', 'online'] as const;
const link = z.object({ title: z.string().trim().min(1).max(300), url: z.url() });

export const meetingInputSchema = z.object({
  cycleId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).nullable().default(null),
  title: z.string().trim().min(1).max(200),
  startsOn: z.iso.date(),
  venue: z.enum(VENUES),
  /** Empty: the standard items, in their order. */
  agenda: z.array(z.object({ item: z.enum(AGENDA_ITEMS), note: z.string().max(2000).default('') })).default([]),
  documents: z.array(link).max(100).default([]),
  participants: z.array(z.object({ name: z.string().trim().min(1).max(200), role: z.string().trim().max(200).default('') })).max(500).default([]),
});
export type MeetingInput = z.infer<typeof meetingInputSchema>;

/** The standard agenda (seeds/002 para 28): every item but "other", in order. */
export function standardAgenda(): { item: (typeof AGENDA_ITEMS)[number]; note: string }[] {
  return AGENDA_ITEMS.filter((i) => i !== 'other').map((item) => ({ item, note: '' }));
}

export const outcomeInputSchema = z.object({ kind: z.enum(['recommendation', 'conclusion']), text: z.string().trim().min(1).max(20000) });
export const decisionInputSchema = z.object({ symbol: z.string().trim().min(1).max(100), decidedOn: z.iso.date(), text: z.string().trim().min(1).max(20000) });

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'done', 'withdrawn'] as const;
export const recommendationInputSchema = z.object({ text: z.string().trim().min(1).max(20000), dueOn: z.iso.date().nullable().default(null) });
export const followUpInputSchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES),
  body: z.string().trim().min(1).max(20000),
  evidence: z.array(link).max(50).default([]),
});

/** A reminder is due for an open recommendation within `days` of its due date (or past it), at most once a week. */
export function reminderDue(r: { status: string; dueOn: string | null; lastRemindedAt: Date | null }, now: Date, days = 30): boolean {
  if (r.status !== 'open' && r.status !== 'in_progress') return false;
  if (!r.dueOn) return false;
  const horizon = new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  if (r.dueOn > horizon) return false;
  return !r.lastRemindedAt || now.getTime() - r.lastRemindedAt.getTime() >= 7 * 86_400_000;
}

export const TA_MATCH_STATUSES = ['proposed', 'agreed', 'under_way', 'delivered', 'closed'] as const;
export const offerInputSchema = z.object({
  partner: z.string().trim().min(1).max(200),
  type: z.enum(TA_TYPES),
  subject: z.enum(SECTION_IDS),
  details: z.string().max(5000).default(''),
});
export const matchInputSchema = z.object({
  reviewId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}-[a-z]{3}$/),
  questionId: z.string().regex(/^[a-z][a-z0-9]{1,15}$/),
  need: z.number().int().min(0),
  offerId: z.number().int().positive(),
});

const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD');
/** Amounts in minor units (cents) of their currency. */
export const budgetLineInputSchema = z.object({
  period: z.string().regex(/^\d{4}-\d{4}$/, 'a biennium such as 2026-2027').refine((p) => Number(p.slice(5)) === Number(p.slice(0, 4)) + 1, 'two consecutive years'),
  name: z.string().trim().min(1).max(200),
  amount: z.number().int().min(0),
  currency,
});
export const contributionInputSchema = z.object({
  donor: z.string().trim().min(1).max(200),
  amount: z.number().int().positive(),
  currency,
  receivedOn: z.iso.date(),
  /** Voluntary contributions are unconditional (seeds/002 para 32): a conditional one is refused. */
  unconditional: z.literal(true),
});
export const spendingInputSchema = z.object({ lineId: z.number().int().positive(), amount: z.number().int().positive(), spentOn: z.iso.date(), description: z.string().trim().min(1).max(500) });
