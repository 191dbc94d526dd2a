/**
 * Finds personal data in a resident's free text before anything is published (issue 7, DESIGN §6): e-mail
 * addresses (also written "name [at] host [dot] org"), phone numbers in local and international forms, social
 * media handles, long identity or card numbers. Digits are read in any script the six languages use (Arabic-Indic,
 * Persian, full-width). A moderator sees the flags and the redacted suggestion; nothing flagged is published as is.
 */
export type PersonalDataKind = 'email' | 'phone' | 'handle' | 'id_number';
export type PersonalDataMatch = { kind: PersonalDataKind; start: number; end: number };

/** Maps every decimal digit the text may use onto ASCII, one UTF-16 unit for one, so offsets stay valid. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g, (d) => {
    const c = d.charCodeAt(0);
    if (c >= 0xff10) return String(c - 0xff10);
    if (c >= 0x06f0) return String(c - 0x06f0);
    return String(c - 0x0660);
  });
}

const emailRe = /[\p{L}\p{N}._%+-]+\s*(?:@|＠|\[at\]|\(at\)|\s+at\s+)\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\[dot\]|\(dot\)|\s+dot\s+)\s*[\p{L}\p{N}-]+)*\s*(?:\.|\[dot\]|\(dot\)|\s+dot\s+)\s*\p{L}{2,24}/giu;
// A phone number: an optional + and country code, then 7 to 15 digits in groups split by spaces, dots, hyphens or
// brackets (text in scripts without spaces may touch it). Dates (2024-05-01) and times are not phone numbers: too few digits, or a date shape.
const phoneRe = /(?<![A-Za-z0-9])(?:\+|00)?\(?\d[\d\s().\-‐‑–]{5,22}\d(?![A-Za-z0-9])/gu;
const handleRe = /(?<![\p{L}\p{N}.@])@[A-Za-z0-9_.]{3,30}\b/gu;
const dateLike = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/;

export function findPersonalData(text: string): PersonalDataMatch[] {
  const t = asciiDigits(text);
  const found: PersonalDataMatch[] = [];
  const taken = (s: number, e: number) => found.some((m) => s < m.end && e > m.start);
  for (const m of t.matchAll(emailRe)) {
    const s = m.index;
    const e = s + m[0].length;
    // "meet me at the park. Lights" is no address: the spelled-out form needs [at]/(at) or an @.
    if (/\s+at\s+/i.test(m[0]) && !/@|＠/.test(m[0]) && !/\[dot\]|\(dot\)|\s+dot\s+|\.(com|org|net|edu|gov)\b/i.test(m[0])) continue;
    found.push({ kind: 'email', start: s, end: e });
  }
  for (const m of t.matchAll(phoneRe)) {
    const s = m.index;
    const e = s + m[0].length;
    const digits = m[0].replace(/\D/g, '');
    if (taken(s, e)) continue;
    if (dateLike.test(m[0].trim())) continue;
    if (digits.length < 7) continue;
    // A long run with no separators and no + is an identity or card number rather than a phone number.
    const kind: PersonalDataKind = digits.length > 15 || (/^\d+$/.test(m[0]) && digits.length >= 13) ? 'id_number' : 'phone';
    found.push({ kind, start: s, end: e });
  }
  for (const m of t.matchAll(handleRe)) {
    const s = m.index;
    const e = s + m[0].length;
    if (!taken(s, e)) found.push({ kind: 'handle', start: s, end: e });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The kinds found, each once, in a stable order (the report's `flags`). */
export function personalDataFlags(text: string): PersonalDataKind[] {
  const kinds = new Set(findPersonalData(text).map((m) => m.kind));
  return (['email', 'phone', 'handle', 'id_number'] as const).filter((k) => kinds.has(k));
}

/** The text with every match replaced by `[…]`: the suggestion a moderator starts from. */
export function redactPersonalData(text: string, mark = '[…]'): string {
  let out = '';
  let at = 0;
  for (const m of findPersonalData(text)) {
    out += text.slice(at, m.start) + mark;
    at = m.end;
  }
  return out + text.slice(at);
}
