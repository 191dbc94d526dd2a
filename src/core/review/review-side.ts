import { effectiveGrants, type Principal } from '../accounts/access-rule.ts';
import type { ReviewSide } from './confidentiality.ts';

/**
 * How someone stands to one state's review, from their grants that act now: the secretariat (and the operator);
 * the state (its focal points and governmental experts); a reviewer assigned to this review; anyone else. When a
 * person is several, the widest reading wins (secretariat, then state, then reviewer).
 */
export function reviewSideOf(principal: Principal, review: { country: string; reviewId: string }): ReviewSide {
  if (principal.kind === 'operator') return 'secretariat';
  const grants = effectiveGrants(principal);
  if (grants.some((g) => g.role === 'platform:secretariat')) return 'secretariat';
  const inScope = (kind: 'country' | 'review', id: string) => (g: (typeof grants)[number]) => g.scope.kind === kind && g.scope.id === id;
  if (grants.some((g) => (g.role === 'country:focal_point' || g.role === 'country:expert') && inScope('country', review.country)(g))) return 'state';
  if (grants.some((g) => g.role === 'review:peer_reviewer' && inScope('review', review.reviewId)(g))) return 'reviewer';
  return 'outsider';
}

/** Whether the person is a focal point of the state (who clears submissions). */
export function isFocalPointOf(principal: Principal, country: string): boolean {
  if (principal.kind === 'operator') return true;
  return effectiveGrants(principal).some((g) => g.role === 'country:focal_point' && g.scope.kind === 'country' && g.scope.id === country);
}
