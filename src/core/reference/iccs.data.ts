/**
 * Source: UNODC, International Classification of Crime for Statistical Purposes (ICCS), Version 1.0, March 2015
 * (United Nations Office on Drugs and Crime, Vienna). Levels 1–3: the 11 sections (2-digit codes), their divisions
 * (4 digits) and groups (5 digits). Level 4 (6 digits, e.g. 020111 Serious assault) is not tabulated; such codes are
 * valid when their level-3 parent is here (see iccs.ts).
 *
 * Labels: English is the ICCS's own wording (status `official`). Arabic, Chinese, French, Russian and Spanish are our
 * own translations (status `unofficial`), even where UNODC publishes the ICCS in that language: they stay unofficial
 * until a person has checked them against UNODC's published version.
 *
 * The table was transcribed without the PDF at hand: codes and English labels agree with the partial lists seen in
 * public sources (Eurostat crim_off_cat codes, UNODC definitions quoted by the OAS glossary), but the following should
 * be checked against the ICCS document before the table is relied on:
 * - the codes of three residual divisions: 0108, 0212 and 0908 ("Other acts …") — the other sections use "…09";
 * - 0907 "Traffic offences";
 * - the groups of 0209 (none listed here), 0210, 0211, 0806, 0808 and 1102, and the exact wording of level-3 labels.
 */

import type { IccsRow } from './iccs.types.ts';
import { ICCS_ROWS_01_02 } from './iccs-01-02.data.ts';
import { ICCS_ROWS_03_06 } from './iccs-03-06.data.ts';
import { ICCS_ROWS_07_08 } from './iccs-07-08.data.ts';
import { ICCS_ROWS_09_11 } from './iccs-09-11.data.ts';

export const ICCS_SOURCE =
  'UNODC, International Classification of Crime for Statistical Purposes (ICCS), Version 1.0, March 2015';

/** All rows, in code order. */
export const ICCS_ROWS: readonly IccsRow[] = [...ICCS_ROWS_01_02, ...ICCS_ROWS_03_06, ...ICCS_ROWS_07_08, ...ICCS_ROWS_09_11];
