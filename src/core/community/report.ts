import { z } from 'zod';
import { categoryCodeSchema } from './category.ts';

/** Statuses a report goes through, so residents can hold the city to account (issue 7). */
export const reportStatuses = ['received', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** Where a report stands in moderation; only `approved` reports reach public outputs. */
export const moderationStates = ['pending', 'approved', 'hidden', 'merged'] as const;
export type ModerationState = (typeof moderationStates)[number];

export const timesOfDay = ['morning', 'afternoon', 'evening', 'night'] as const;
export const daysOfWeek = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** Who feels unsafe at the place (the resident may pick several). */
export const affectedGroups = ['women', 'girls', 'men', 'boys', 'older-people', 'people-with-disabilities', 'lgbtiq', 'everyone'] as const;

export const reportLocationSchema = z.union([
  z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
  z.object({ unit: z.string().trim().min(1).max(100) }).strict(),
  z.object({ landmark: z.string().trim().min(3).max(300) }).strict(),
]);
export type ReportLocation = z.output<typeof reportLocationSchema>;

export const reportInputSchema = z.object({
  category: categoryCodeSchema,
  description: z.string().trim().min(3).max(5000),
  location: reportLocationSchema,
  when: z
    .object({
      times: z.array(z.enum(timesOfDay)).max(timesOfDay.length).default([]),
      days: z.array(z.enum(daysOfWeek)).max(daysOfWeek.length).default([]),
    })
    .default({ times: [], days: [] }),
  who: z.array(z.enum(affectedGroups)).max(affectedGroups.length).default([]),
  contact: z.string().trim().min(3).max(300).optional(),
});
export type ReportInput = z.output<typeof reportInputSchema>;

/** What the resident gets back: the public id and the private follow link's token (shown once). */
export type SubmittedReport = { id: string; followToken: string; status: ReportStatus; submittedAt: string; flags: string[] };

export type ReportEventKind = 'status' | 'answer' | 'addition' | 'forward' | 'approve' | 'redact' | 'hide' | 'merge';

export type ReportEvent = {
  at: Date;
  kind: ReportEventKind;
  public: boolean;
  status: ReportStatus | null;
  department: string | null;
  body: string | null;
  actor: string;
};

/** A report as moderators see it (exact point and contact only when asked for and audited). */
export type ModerationReport = {
  id: string;
  category: string;
  description: string;
  publicDescription: string | null;
  location: { kind: 'point' | 'unit' | 'landmark'; cell: string | null; publicLat: number | null; publicLon: number | null; unit: string | null; landmark: string | null };
  times: string[];
  days: string[];
  who: string[];
  flags: string[];
  moderation: ModerationState;
  mergedInto: string | null;
  status: ReportStatus;
  department: string | null;
  submittedAt: Date;
  updatedAt: Date;
  photos: number;
};

/** A report as the public sees it: moderated text, generalised place, no contact, no exact point. */
export type PublicReport = {
  id: string;
  category: string;
  description: string;
  cell: string | null;
  lat: number | null;
  lon: number | null;
  unit: string | null;
  status: ReportStatus;
  department: string | null;
  submittedAt: Date;
  updatedAt: Date;
};

export const moderationActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), publicDescription: z.string().trim().min(1).max(5000).optional() }),
  z.object({ action: z.literal('redact'), publicDescription: z.string().trim().min(1).max(5000) }),
  z.object({ action: z.literal('hide'), reason: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('merge'), into: z.string().regex(/^[a-z2-7]{10}$/, 'the id of the report kept') }),
  z.object({ action: z.literal('forward'), department: z.string().trim().min(1).max(120) }),
  z.object({ action: z.literal('answer'), body: z.string().trim().min(1).max(5000) }),
  z.object({ action: z.literal('status'), status: z.enum(reportStatuses), body: z.string().trim().max(5000).optional() }),
]);
export type ModerationAction = z.output<typeof moderationActionSchema>;

/** Median of a list of numbers (undefined for an empty list). */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}
