/** One row of the ICCS table: a code and its label in the six UN languages. */
export interface IccsRow {
  /** "01"–"11" (section), 4 digits (division) or 5 digits (group). */
  readonly code: string;
  /** The ICCS's own English label. */
  readonly en: string;
  /** Our own translations, unofficial until a person verifies them against UNODC's published versions. */
  readonly ar: string;
  readonly es: string;
  readonly fr: string;
  readonly ru: string;
  readonly zh: string;
}
