import { hash, verify } from '@node-rs/argon2';
import { minPasswordLength, passwordProblem } from '../../core/accounts/password-policy.ts';
import { DomainError } from '../../core/errors.ts';
import { isCommonPassword } from './common-passwords.ts';

/** argon2id with the parameters OWASP recommends as a minimum (19 MiB, 2 passes, 1 lane). */
// `algorithm: 2` is Algorithm.Argon2id (an ambient const enum, which verbatimModuleSyntax cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash; with no hash (unknown account) it verifies against a dummy one, so
 * the answer takes as long whether or not the account exists.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    dummy ??= hashPassword('no account has this password, it only costs time');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** Refuses a password the policy refuses, with the reason in `details` (the UI explains it). */
export function assertAcceptablePassword(password: string): void {
  const problem = passwordProblem(password, isCommonPassword);
  if (!problem) return;
  const message =
    problem === 'too_short'
      ? `A password needs at least ${minPasswordLength} characters.`
      : problem === 'too_long'
        ? 'This password is too long.'
        : 'This password is among the most common ones; choose another.';
  throw new DomainError('account.weak_password', message, { field: 'password', reason: problem, minLength: minPasswordLength });
}
