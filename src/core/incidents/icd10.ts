/**
 * The built-in ICD-10 → ICCS map for health records (`"category": { "icd10": "<column>" }`), for registers of
 * deaths (vital registration, mortality files): a death whose underlying cause is an assault is an intentional
 * homicide.
 */
export const ICD10_SOURCE =
  'SDG indicator 16.1.1 metadata (UNODC, WHO): deaths with an underlying cause of ICD-10 X85–Y09 (assault) or ' +
  'Y87.1 (sequelae of assault) are intentional homicides, ICCS 0101 (ICCS v1.0, 2015); WHO ICD-10, chapter XX.';

export const ICD10_HOMICIDE_ICCS = '0101';

/** Normalises an ICD-10 code as files write it (`x85`, `X85.0`, `X850`, `Y87.1 `) to letter + digits: `X850`. */
export function normaliseIcd10(code: string): string | undefined {
  const compact = code.trim().toUpperCase().replace(/[.\s]/g, '');
  return /^[A-Z]\d{2}[0-9A-Z]{0,2}$/.test(compact) ? compact : undefined;
}

/** The ICCS code of an ICD-10 cause of death, or undefined when the built-in map does not cover it. */
export function icd10ToIccs(code: string): string | undefined {
  const c = normaliseIcd10(code);
  if (!c) return undefined;
  const letter = c[0];
  const n = Number(c.slice(1, 3));
  if (letter === 'X' && n >= 85) return ICD10_HOMICIDE_ICCS;
  if (letter === 'Y' && n <= 9) return ICD10_HOMICIDE_ICCS;
  if (letter === 'Y' && n === 87 && c[3] === '1') return ICD10_HOMICIDE_ICCS;
  return undefined;
}
