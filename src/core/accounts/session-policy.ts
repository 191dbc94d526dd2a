/** How long sessions, links and sign-in lockouts last (issue 4). */
export const sessionIdleMs = 8 * 60 * 60 * 1000;
export const sessionMaxMs = 7 * 24 * 60 * 60 * 1000;
export const invitationTtlMs = 10 * 24 * 60 * 60 * 1000;
export const setupLinkTtlMs = 24 * 60 * 60 * 1000;
export const passwordResetTtlMs = 60 * 60 * 1000;

/** After this many failed sign-ins for one account or one network address within the window, sign-in waits. */
export const signInThrottle = { maxFailures: 10, windowMs: 15 * 60 * 1000 } as const;

/**
 * Seconds to wait before the next attempt, given the times of the failures in the window (any order), or 0 when
 * fewer than `maxFailures` are in it: the wait lasts until enough failures have left the window.
 */
export function retryAfterSeconds(failures: readonly Date[], now: Date, policy = signInThrottle): number {
  const inWindow = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - policy.windowMs)
    .sort((a, b) => b - a);
  if (inWindow.length < policy.maxFailures) return 0;
  const freeing = inWindow[policy.maxFailures - 1]!;
  return Math.max(1, Math.ceil((freeing + policy.windowMs - now.getTime()) / 1000));
}

/** When a session that was last seen at `lastSeen` and created at `created` stops working. */
export function sessionExpiry(created: Date, lastSeen: Date): Date {
  return new Date(Math.min(created.getTime() + sessionMaxMs, lastSeen.getTime() + sessionIdleMs));
}
