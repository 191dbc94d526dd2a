import { Secret, TOTP } from 'otpauth';
import { recoveryCodeCount } from '../../core/accounts/recovery-code.ts';
import { randomBase32 } from './secrets.ts';

const period = 30;

function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({ issuer: 'Safer Cities Platform', label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });
}

/** A new TOTP secret (160 bits, base32) and the otpauth:// URI authenticator apps read. */
export function newTotpSecret(email: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpFor(secret, email).toString() };
}

/**
 * Checks a six-digit code, one step of clock drift either way; returns the step it belongs to, or undefined when
 * it is wrong or its step is not after `lastStep` (a code is never accepted twice).
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | undefined {
  const delta = totpFor(secret).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / period) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** A code for a secret at a time (tests and the e2e test play the authenticator app). */
export function totpCode(secret: string, now = Date.now()): string {
  return totpFor(secret).generate({ timestamp: now });
}

/** Fresh recovery codes, ten lower-case base32 characters each (50 bits). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => randomBase32(10));
}
