import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common-password dictionary of zxcvbn-ts (`passwords-common`, ~49,000 entries from leaked-password
 * frequency lists), loaded once, in lower case.
 */
let set: ReadonlySet<string> | undefined;

export function commonPasswords(): ReadonlySet<string> {
  set ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return set;
}

export function isCommonPassword(candidate: string): boolean {
  return candidate === '' || commonPasswords().has(candidate);
}
