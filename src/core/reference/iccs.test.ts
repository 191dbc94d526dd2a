import { describe, expect, it } from 'vitest';
import { ICCS_ROWS } from './iccs.data.ts';
import {
  ICCS_SOURCE,
  ICCS_UNCLASSIFIED,
  iccsByCode,
  iccsChildren,
  iccsCodeSchema,
  iccsEntries,
  iccsLabel,
  iccsLevel,
  iccsMatches,
  iccsParent,
  iccsSections,
  isIccsCode,
} from './iccs.ts';
import { UN_LANGUAGES } from './un-languages.ts';

describe('ICCS table', () => {
  it('cites its source', () => {
    expect(ICCS_SOURCE).toMatch(/Version 1\.0, March 2015/);
  });

  it('has the 11 sections', () => {
    const sections = iccsSections();
    expect(sections.map((s) => s.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11']);
    expect(iccsLabel('01', 'en')?.text).toBe('Acts leading to death or intending to cause death');
    expect(iccsLabel('04', 'en')?.text).toBe('Acts against property involving violence or threat against a person');
    expect(iccsLabel('11', 'en')?.text).toBe('Other criminal acts not elsewhere classified');
  });

  it.each([
    ['0101', 'Intentional homicide'],
    ['0102', 'Attempted intentional homicide'],
    ['0103', 'Non-intentional homicide'],
    ['01031', 'Non-negligent manslaughter'],
    ['01032', 'Negligent manslaughter'],
    ['0201', 'Assaults and threats'],
    ['02011', 'Assault'],
    ['02022', 'Deprivation of liberty'],
    ['0204', 'Trafficking in persons'],
    ['02081', 'Harassment'],
    ['0301', 'Sexual violence'],
    ['03011', 'Rape'],
    ['03012', 'Sexual assault'],
    ['0302', 'Sexual exploitation'],
    ['0401', 'Robbery'],
    ['0501', 'Burglary'],
    ['05012', 'Burglary of private residential premises'],
    ['0502', 'Theft'],
    ['05021', 'Theft of a motorized vehicle or parts thereof'],
    ['0504', 'Property damage'],
    ['0601', 'Unlawful acts involving controlled drugs or precursors'],
    ['0701', 'Fraud'],
    ['07031', 'Bribery'],
    ['07041', 'Money laundering'],
    ['0903', 'Acts against computer systems'],
    ['09051', 'Participation in an organized criminal group'],
    ['1001', 'Acts that cause environmental pollution or degradation'],
    ['11011', 'Torture'],
  ])('knows %s %s', (code, label) => {
    expect(iccsByCode(code)?.labels.en.text).toBe(label);
  });

  it('holds codes of 2, 4 and 5 digits, unique and in code order', () => {
    const codes = ICCS_ROWS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) expect(code).toMatch(/^(0[1-9]|1[01])(\d{2}(\d)?)?$/);
  });

  it("has every code's parent", () => {
    for (const entry of iccsEntries()) {
      if (entry.level === 1) {
        expect(entry.parent).toBeUndefined();
        continue;
      }
      expect(entry.parent, entry.code).toBeDefined();
      expect(iccsByCode(entry.parent!), entry.code).toBeDefined();
      expect(iccsByCode(entry.parent!)?.level).toBe(entry.level - 1);
    }
  });

  it('labels every code in all six languages, English official and the rest unofficial', () => {
    for (const entry of iccsEntries()) {
      for (const lang of UN_LANGUAGES) {
        const label = iccsLabel(entry.code, lang);
        expect(label?.text.trim().length, `${entry.code}/${lang}`).toBeGreaterThan(0);
        expect(label?.status, `${entry.code}/${lang}`).toBe(lang === 'en' ? 'official' : 'unofficial');
        expect(label?.lang).toBe(lang);
      }
    }
  });

  it('gives distinct labels to siblings', () => {
    for (const entry of [undefined, ...iccsEntries()]) {
      const siblings = entry ? iccsChildren(entry.code) : iccsSections();
      for (const lang of UN_LANGUAGES) {
        const texts = siblings.map((s) => s.labels[lang].text);
        expect(new Set(texts).size, `${entry?.code ?? 'sections'}/${lang}`).toBe(texts.length);
      }
    }
  });
});

describe('iccsLevel and iccsParent', () => {
  it('reads the level from the length', () => {
    expect(iccsLevel('01')).toBe(1);
    expect(iccsLevel('0101')).toBe(2);
    expect(iccsLevel('01031')).toBe(3);
    expect(iccsLevel('020111')).toBe(4);
    expect(iccsLevel('010')).toBeUndefined();
    expect(iccsLevel('0203111')).toBeUndefined();
    expect(iccsLevel('ab')).toBeUndefined();
    expect(iccsLevel(ICCS_UNCLASSIFIED)).toBeUndefined();
  });

  it('finds the parent by shape', () => {
    expect(iccsParent('01')).toBeUndefined();
    expect(iccsParent('0101')).toBe('01');
    expect(iccsParent('01031')).toBe('0103');
    expect(iccsParent('020111')).toBe('02011');
    expect(iccsParent(ICCS_UNCLASSIFIED)).toBeUndefined();
  });
});

describe('iccsChildren', () => {
  it('lists the next level down, in order', () => {
    expect(iccsChildren('0103').map((e) => e.code)).toEqual(['01031', '01032']);
    expect(iccsChildren('0401').map((e) => e.code)).toEqual(['04011', '04012', '04013', '04014', '04019']);
    expect(iccsChildren('03').map((e) => e.code)).toEqual(['0301', '0302', '0309']);
    expect(iccsChildren('0101')).toEqual([]);
    expect(iccsChildren('99')).toEqual([]);
  });

  it('returns a copy', () => {
    iccsChildren('03').pop();
    expect(iccsChildren('03')).toHaveLength(3);
  });
});

describe('iccsMatches', () => {
  it('matches a code and its descendants', () => {
    expect(iccsMatches('01', '01')).toBe(true);
    expect(iccsMatches('01', '0101')).toBe(true);
    expect(iccsMatches('01', '010321')).toBe(true);
    expect(iccsMatches('0103', '01032')).toBe(true);
    expect(iccsMatches('02011', '020111')).toBe(true);
  });

  it('does not match ancestors, siblings or other sections', () => {
    expect(iccsMatches('0101', '01')).toBe(false);
    expect(iccsMatches('0101', '0102')).toBe(false);
    expect(iccsMatches('01031', '01032')).toBe(false);
    expect(iccsMatches('02', '0301')).toBe(false);
    expect(iccsMatches('11', '1101')).toBe(true);
    expect(iccsMatches('1', '11')).toBe(false);
  });

  it('lets unclassified match only itself', () => {
    expect(iccsMatches(ICCS_UNCLASSIFIED, ICCS_UNCLASSIFIED)).toBe(true);
    expect(iccsMatches(ICCS_UNCLASSIFIED, '01')).toBe(false);
    expect(iccsMatches('01', ICCS_UNCLASSIFIED)).toBe(false);
    expect(iccsMatches('', '01')).toBe(false);
  });
});

describe('iccsLabel', () => {
  it('returns the label in the language asked for', () => {
    expect(iccsLabel('0401', 'es')).toEqual({ text: 'Robo', status: 'unofficial', lang: 'es' });
    expect(iccsLabel('0101', 'fr-CA')?.lang).toBe('fr');
    expect(iccsLabel('0101', 'zh')?.text).toBe('故意杀人');
  });

  it('falls back to English for other languages', () => {
    expect(iccsLabel('0101', 'pt')).toEqual({ text: 'Intentional homicide', status: 'official', lang: 'en' });
  });

  it('is undefined for codes not in the table', () => {
    expect(iccsLabel('020111', 'en')).toBeUndefined();
    expect(iccsLabel(ICCS_UNCLASSIFIED, 'en')).toBeUndefined();
    expect(iccsLabel('99', 'en')).toBeUndefined();
  });
});

describe('iccsCodeSchema', () => {
  it.each(['01', '0101', '01031', '010321', '020111', '030221', '1109', ICCS_UNCLASSIFIED])('accepts %s', (code) => {
    expect(iccsCodeSchema.safeParse(code).success).toBe(true);
    expect(isIccsCode(code)).toBe(true);
  });

  it.each([
    '',
    '1',
    '12', // no section 12
    '0199', // no such division
    '01011', // 0101 has no groups in the table
    '010111', // its group does not exist
    '0103210', // 7 digits
    '01-01',
    'Unclassified',
    ' 01',
  ])('rejects %j', (code) => {
    expect(iccsCodeSchema.safeParse(code).success).toBe(false);
    expect(isIccsCode(code)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(iccsCodeSchema.safeParse(101).success).toBe(false);
  });
});
