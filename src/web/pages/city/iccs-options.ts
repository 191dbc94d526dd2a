// The ICCS categories offered by the city page's filter: the 11 sections and their divisions, named
// in the reader's language from the platform's own table (src/core/reference/iccs.ts).
import { iccsEntries, iccsLabel } from '../../../core/reference/iccs.ts';

export type IccsOption = {
  code: string;
  level: 1 | 2;
  text: string;
  /** The language of `text` (English when the table has no translation). */
  lang: string;
  /** Our own translation, not yet verified against UNODC's published version. */
  unofficial: boolean;
};

export function iccsOptions(locale: string): IccsOption[] {
  return iccsEntries().flatMap((entry) => {
    if (entry.level === 3) return [];
    const label = iccsLabel(entry.code, locale);
    if (!label) return [];
    return [
      {
        code: entry.code,
        level: entry.level,
        text: label.text,
        lang: label.lang,
        unofficial: label.status === 'unofficial',
      },
    ];
  });
}
