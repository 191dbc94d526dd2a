import { z } from 'zod';

/**
 * Who may read a review document or message (issue 8 item 6). The secretariat serves the mechanism and reads every
 * level; "state" keeps a text between the state and the secretariat; "secretariat" keeps it inside the secretariat
 * (and its author); "public" is for everyone once published.
 */
export const CONFIDENTIALITY_LEVELS = ['state', 'state_and_reviewers', 'secretariat', 'public'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];
export const confidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);

/** How a reader stands to one review: the state under review, a reviewer assigned to it, the secretariat, or anyone else. */
export type ReviewSide = 'state' | 'reviewer' | 'secretariat' | 'outsider';

export function canRead(level: Confidentiality, side: ReviewSide): boolean {
  switch (level) {
    case 'public':
      return true;
    case 'state_and_reviewers':
      return side === 'state' || side === 'reviewer' || side === 'secretariat';
    case 'state':
      return side === 'state' || side === 'secretariat';
    case 'secretariat':
      return side === 'secretariat';
    default: {
      const unreachable: never = level;
      throw new Error(`Unknown confidentiality ${String(unreachable)}`);
    }
  }
}

/** The levels a side may choose for what it writes: never one that would hide the text from the writer. */
export function levelsWritableBy(side: ReviewSide): Confidentiality[] {
  return CONFIDENTIALITY_LEVELS.filter((level) => canRead(level, side) && (side !== 'outsider' || level === 'public'));
}
