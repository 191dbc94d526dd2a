import { describe, expect, it } from 'vitest';
import { commonCandidates, passwordProblem } from './password-policy.ts';

const common = new Set(['password', 'letmein', 'qwertyuiop', 'iloveyou']);
const isCommon = (c: string) => c === '' || common.has(c);

describe('passwordProblem', () => {
  it('needs 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('short-pass1', isCommon)).toBe('too_short');
    expect(passwordProblem('ваш-пароль-1', isCommon)).toBeUndefined();
    expect(passwordProblem('我们的城市安全密码很重要', isCommon)).toBeUndefined();
    expect(passwordProblem('密码密码密码密码密码密码', isCommon)).toBe('common');
    expect(passwordProblem('x'.repeat(257), isCommon)).toBe('too_long');
  });

  it('refuses a common word padded with digits and symbols, in any case, and repeated runs', () => {
    expect(passwordProblem('Password1234!', isCommon)).toBe('common');
    expect(passwordProblem('!!LetMeIn2024!!', isCommon)).toBe('common');
    expect(passwordProblem('aaaaaaaaaaaaaa', isCommon)).toBe('common');
    expect(passwordProblem('abcabcabcabc', isCommon)).toBe('common');
    expect(passwordProblem('violet-harbour-lantern', isCommon)).toBeUndefined();
  });

  it('looks up the lower-case form and the stripped core', () => {
    expect(commonCandidates('12Password34')).toEqual(['12password34', 'password']);
  });
});
