import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, sessionExpiry, sessionIdleMs, sessionMaxMs } from './session-policy.ts';

const now = new Date('2026-11-25T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('retryAfterSeconds', () => {
  it('is 0 below ten failures in the window', () => {
    expect(retryAfterSeconds(Array.from({ length: 9 }, (_, i) => minutesAgo(i)), now)).toBe(0);
    expect(retryAfterSeconds(Array.from({ length: 20 }, () => minutesAgo(16)), now)).toBe(0);
  });

  it('lasts until enough failures leave the 15-minute window', () => {
    const ten = Array.from({ length: 10 }, (_, i) => minutesAgo(i));
    // The oldest of the ten is 9 minutes old: 6 minutes to wait.
    expect(retryAfterSeconds(ten, now)).toBe(6 * 60);
    const eleven = [...ten, minutesAgo(12)];
    expect(retryAfterSeconds(eleven, now)).toBe(6 * 60);
    expect(retryAfterSeconds(Array.from({ length: 10 }, () => now), now)).toBe(15 * 60);
  });
});

describe('sessionExpiry', () => {
  it('slides with use but never passes the absolute lifetime', () => {
    expect(sessionExpiry(now, now).getTime()).toBe(now.getTime() + sessionIdleMs);
    const created = new Date(now.getTime() - sessionMaxMs + 60_000);
    expect(sessionExpiry(created, now).getTime()).toBe(created.getTime() + sessionMaxMs);
  });
});
