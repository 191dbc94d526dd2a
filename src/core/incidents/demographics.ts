/** Sex and age codes of DESIGN §4, and the SDG 16.1.1 age bands. */

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

export const ageBands = ['0-14', '15-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Oldest age a record may carry (the incidents table checks the same bound). */
export const MAX_AGE = 130;

export function isSex(value: string): value is Sex {
  return (sexes as readonly string[]).includes(value);
}

/** The SDG 16.1.1 band of an age in whole years; `unknown` when the age is unknown. */
export function ageBand(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age < 15) return '0-14';
  if (age < 30) return '15-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60+';
}
