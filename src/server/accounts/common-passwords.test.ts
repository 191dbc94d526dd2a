import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../core/accounts/password-policy.ts';
import { commonPasswords, isCommonPassword } from './common-passwords.ts';
import { newRecoveryCodes, newTotpSecret, totpCode, verifyTotp } from './totp.ts';

describe('the common-password dictionary', () => {
  it('holds at least 10,000 entries (zxcvbn-ts passwords-common)', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(10_000);
  });

  it('refuses common passwords of 12 characters and more, padded or not', () => {
    const long = [...commonPasswords()].filter((p) => p.length >= 12).slice(0, 50);
    expect(long.length).toBe(50);
    for (const p of long) expect(passwordProblem(p, isCommonPassword)).toBe('common');
    expect(passwordProblem('Sunshine2024!', isCommonPassword)).toBe('common');
    expect(passwordProblem('iloveyou12345', isCommonPassword)).toBe('common');
    expect(passwordProblem('violet-harbour-lantern-42', isCommonPassword)).toBeUndefined();
  });
});

describe('TOTP', () => {
  it('accepts the code of this step and its neighbours, each once in order', () => {
    const { secret, uri } = newTotpSecret('a@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Safer%20Cities%20Platform:a%40example\.org\?/);
    const now = Date.UTC(2026, 10, 25, 12, 0, 10);
    const step = verifyTotp(secret, totpCode(secret, now), null, now);
    expect(step).toBe(Math.floor(now / 30_000));
    expect(verifyTotp(secret, totpCode(secret, now), step!, now)).toBeUndefined();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), null, now)).toBe(step! - 1);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), null, now)).toBeUndefined();
    expect(newRecoveryCodes()).toHaveLength(10);
  });
});
