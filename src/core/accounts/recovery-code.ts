/** Recovery codes: ten characters of RFC 4648 base32 in lower case, shown as `xxxxx-xxxxx`; typed in any case. */
export const recoveryCodeCount = 10;

const shape = /^[a-z2-7]{5}-?[a-z2-7]{5}$/;

export function normalizeRecoveryCode(input: string): string | undefined {
  const compact = input.trim().toLowerCase().replace(/\s+/g, '');
  return shape.test(compact) ? compact.replace('-', '') : undefined;
}

export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A TOTP code is six digits; spaces people type between groups are ignored. */
export function normalizeTotp(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(compact) ? compact : undefined;
}
