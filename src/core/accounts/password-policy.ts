/**
 * Password rules (issue 4): at least 12 characters, and not a common password. The dictionary is handed in by
 * the caller (the server loads `@zxcvbn-ts/language-common`), so the rule stays pure.
 */
export const minPasswordLength = 12;
export const maxPasswordLength = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common';

export function passwordProblem(password: string, isCommon: (candidate: string) => boolean): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < minPasswordLength) return 'too_short';
  if (length > maxPasswordLength) return 'too_long';
  return commonCandidates(password).some(isCommon) ? 'common' : undefined;
}

/**
 * The forms of a password looked up in the dictionary: as typed in lower case, and with the digits and symbols
 * people pad a common word with stripped from both ends ("Password1234!" → "password"). A password made of one
 * repeated character or of one short run repeated ("abcabcabcabc") is common by construction.
 */
export function commonCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const out = new Set([lower]);
  if (core.length >= 4) out.add(core);
  if (/^(.{1,4})\1+$/su.test(lower)) out.add('');
  return [...out];
}
