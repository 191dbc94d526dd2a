import { createHash, createHmac } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.ts';
import { sameSecret } from '../accounts/secrets.ts';

/** Limits against abuse of the public community routes (issue 7 item 7). 0 switches a limit off. */
export type CommunityLimits = {
  /** Reports and audits per client address per minute. */
  perAddressPerMinute: number;
  /** Reports and audits per city per minute, all addresses together. */
  perCityPerMinute: number;
  /** Leading zero bits the browser's proof-of-work must find (0: none asked). */
  powBits: number;
  /** Photos per report and bytes per photo. */
  maxPhotos: number;
  maxPhotoBytes: number;
};

export const defaultLimits: CommunityLimits = {
  perAddressPerMinute: 10,
  perCityPerMinute: 600,
  powBits: 12,
  maxPhotos: 3,
  maxPhotoBytes: 5 * 1024 * 1024,
};

type Check = (req: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded: boolean; ttlInSeconds: number }>;

/**
 * The rate limits (per address and per city) as a function a route calls before doing any work; it throws
 * `community.rate_limited` (429) with the seconds to wait. The address is held only in the limiter's memory,
 * never stored.
 */
export type Limit = (req: FastifyRequest, city: string) => Promise<void>;

export async function registerLimiters(app: FastifyInstance, limits: CommunityLimits): Promise<Limit> {
  await app.register(fastifyRateLimit, { global: false });
  const make = (max: number, key: (req: FastifyRequest) => string): Check | undefined =>
    max > 0 ? (app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key }) as unknown as Check) : undefined;
  const perAddress = make(limits.perAddressPerMinute, (req) => `a:${req.ip}`);
  const cityOf = new WeakMap<FastifyRequest, string>();
  const perCity = make(limits.perCityPerMinute, (req) => `c:${cityOf.get(req) ?? ''}`);
  return async (req, city) => {
    for (const [check, scope] of [
      [perAddress, 'address'],
      [perCity, 'city'],
    ] as const) {
      if (!check) continue;
      cityOf.set(req, city);
      const r = await check(req);
      if (!r.isAllowed && r.isExceeded) {
        throw new DomainError('community.rate_limited', `Too many reports from this ${scope}; try again in ${r.ttlInSeconds} s.`, {
          scope,
          retryAfter: r.ttlInSeconds,
        });
      }
    }
  };
}

/**
 * The signed time token of the no-JavaScript form: when the form was served, signed with the store's key. A post
 * sooner than `minSeconds` after it (a bot filling the form at once) or later than `maxSeconds` is refused.
 */
export function timeToken(key: string, city: string, now = Date.now()): string {
  const t = Math.floor(now / 1000).toString(36);
  return `${t}.${createHmac('sha256', key).update(`form:${city}:${t}`).digest('base64url').slice(0, 22)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkTimeToken(key: string, city: string, token: string, now = Date.now(), minSeconds = 3, maxSeconds = 4 * 3600): TokenCheck {
  const [t, mac] = token.split('.');
  if (!t || !mac || !/^[0-9a-z]{1,12}$/.test(t)) return 'invalid';
  const expected = createHmac('sha256', key).update(`form:${city}:${t}`).digest('base64url').slice(0, 22);
  if (!sameSecret(mac, expected)) return 'invalid';
  const age = now / 1000 - Number.parseInt(t, 36);
  if (age < minSeconds) return 'too_fast';
  if (age > maxSeconds) return 'expired';
  return 'ok';
}

/**
 * Hashcash-style proof of work: SHA-256 of `challenge:nonce` must start with `bits` zero bits. The challenge is the
 * form's time token, so a proof cannot be reused past the token's lifetime. Cheap to check, costs the browser
 * about 2^bits hashes.
 */
export function verifyProofOfWork(challenge: string, nonce: string, bits: number): boolean {
  if (bits <= 0) return true;
  if (!/^[0-9a-z]{1,16}$/.test(nonce)) return false;
  const hash = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  return leadingZeroBits(hash) >= bits;
}

export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

/** Solves a proof of work (tests and the bench; the browser does the same in report.js). */
export function solveProofOfWork(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (verifyProofOfWork(challenge, nonce, bits)) return nonce;
  }
}
