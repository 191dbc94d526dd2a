import { describe, expect, it } from 'vitest';
import { afterFailure, backoffDelayMs, canCancel, canRetry } from './job.ts';

describe('job rules', () => {
  it('backs off exponentially and caps at one hour', () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([5_000, 20_000, 80_000, 320_000]);
    expect(backoffDelayMs(20)).toBe(3_600_000);
  });

  it('re-queues a failed attempt until the attempts are spent', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(afterFailure(1, 3, now)).toEqual({ status: 'queued', runAt: new Date('2026-01-01T00:00:05Z') });
    expect(afterFailure(2, 3, now)).toEqual({ status: 'queued', runAt: new Date('2026-01-01T00:00:20Z') });
    expect(afterFailure(3, 3, now)).toEqual({ status: 'failed' });
  });

  it('allows cancel only while pending or running, retry only when finished unsuccessfully', () => {
    expect(canCancel('queued') && canCancel('running')).toBe(true);
    expect(canCancel('succeeded') || canCancel('failed') || canCancel('cancelled')).toBe(false);
    expect(canRetry('failed') && canRetry('cancelled')).toBe(true);
    expect(canRetry('queued') || canRetry('running') || canRetry('succeeded')).toBe(false);
  });
});
