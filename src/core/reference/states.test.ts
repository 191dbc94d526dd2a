import { describe, expect, it } from 'vitest';
import {
  REGIONAL_GROUP_IDS,
  regionalGroup,
  regionalGroups,
  STATE_AREAS,
  sortByName,
  stateByAlpha2,
  stateByAlpha3,
  stateByCode,
  stateByM49,
  stateName,
  stateNameSource,
  statesInGroup,
  unMemberStates,
} from './states.ts';
import { UN_LANGUAGES } from './un-languages.ts';

describe('UN Member States', () => {
  it('has exactly 193 members', () => {
    expect(unMemberStates()).toHaveLength(193);
  });

  it('puts every member in exactly one regional group and no other area in any', () => {
    for (const state of STATE_AREAS) {
      if (state.unMember) expect(REGIONAL_GROUP_IDS, state.alpha3).toContain(state.group);
      else expect(state.group, state.alpha3).toBeUndefined();
    }
    const total = REGIONAL_GROUP_IDS.reduce((sum, group) => sum + statesInGroup(group).length, 0);
    expect(total).toBe(193);
  });

  it('has the group sizes of the DGACM list', () => {
    // The brief for this table said Asia-Pacific 53 "incl. Kiribati". Re-checked against the DGACM list: the
    // Asia-Pacific list names 54 Member States including Kiribati (53 is the count from before Kiribati was placed
    // in the group). The figures must add up to 193: 54 + 54 + 23 + 33 + 29 = 193, whereas 53 would leave one
    // Member State in no group.
    const sizes = Object.fromEntries(REGIONAL_GROUP_IDS.map((g) => [g, statesInGroup(g).length]));
    expect(sizes).toEqual({
      african: 54,
      'asia-pacific': 54,
      'eastern-european': 23,
      'latin-american-caribbean': 33,
      'western-european-other': 29, // 28 members + the United States
    });
  });

  it('places the special cases as the DGACM list does', () => {
    expect(stateByAlpha3('KIR')?.group).toBe('asia-pacific');
    expect(stateByAlpha3('ISR')?.group).toBe('western-european-other');
    expect(stateByAlpha3('CYP')?.group).toBe('asia-pacific');
    const usa = stateByAlpha3('USA');
    expect(usa?.group).toBe('western-european-other');
    expect(usa?.groupNote).toMatch(/electoral/);
    const turkiye = stateByAlpha3('TUR');
    expect(turkiye?.group).toBe('western-european-other');
    expect(turkiye?.groupNote).toMatch(/Asia-Pacific/);
  });

  it('flags the two observer states as non-members', () => {
    const observers = STATE_AREAS.filter((s) => s.observer).map((s) => s.alpha3);
    expect(observers.sort()).toEqual(['PSE', 'VAT']);
    expect(stateByAlpha3('VAT')?.unMember).toBe(false);
    expect(stateByAlpha3('PSE')?.unMember).toBe(false);
  });
});

describe('codes', () => {
  it('are well formed and unique', () => {
    for (const key of ['m49', 'alpha2', 'alpha3'] as const) {
      const values = STATE_AREAS.map((s) => s[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
    for (const s of STATE_AREAS) {
      expect(s.m49).toMatch(/^\d{3}$/);
      expect(s.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(s.alpha3).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('covers the territories of the M49 list too', () => {
    expect(stateByAlpha3('PRI')).toMatchObject({ m49: '630', unMember: false, observer: false });
    expect(stateByAlpha2('HK')).toMatchObject({ alpha3: 'HKG', unMember: false });
    expect(stateByAlpha3('TWN')).toBeUndefined();
  });

  it('spot checks', () => {
    expect(stateByAlpha3('KEN')).toMatchObject({ alpha2: 'KE', m49: '404', group: 'african' });
    expect(stateByAlpha2('ke')?.alpha3).toBe('KEN');
    expect(stateByM49('404')?.alpha3).toBe('KEN');
    expect(stateByAlpha3('MEX')).toMatchObject({ m49: '484', group: 'latin-american-caribbean' });
    expect(stateByAlpha3('CHN')?.group).toBe('asia-pacific');
    expect(stateByAlpha3('UKR')?.group).toBe('eastern-european');
    expect(stateByAlpha3('FRA')?.group).toBe('western-european-other');
    expect(stateByAlpha3('ZAF')?.group).toBe('african');
  });

  it('looks up by any code', () => {
    expect(stateByM49(4)?.alpha3).toBe('AFG');
    expect(stateByM49('4')?.alpha3).toBe('AFG');
    expect(stateByCode('004')?.alpha3).toBe('AFG');
    expect(stateByCode('AF')?.alpha3).toBe('AFG');
    expect(stateByCode('afg')?.alpha3).toBe('AFG');
    expect(stateByCode('XX')).toBeUndefined();
    expect(stateByM49('1234')).toBeUndefined();
  });
});

describe('regional groups', () => {
  it('has five groups with names in six languages, English official and the rest unofficial', () => {
    expect(regionalGroups.map((g) => g.id)).toEqual([...REGIONAL_GROUP_IDS]);
    for (const group of regionalGroups) {
      for (const lang of UN_LANGUAGES) {
        expect(group.names[lang].text.length, `${group.id}/${lang}`).toBeGreaterThan(0);
        expect(group.names[lang].status).toBe(lang === 'en' ? 'official' : 'unofficial');
      }
    }
    expect(regionalGroup('western-european-other').names.en.text).toBe('Western European and other States');
  });
});

describe('names', () => {
  it('come from CLDR', () => {
    expect(stateNameSource).toBe('cldr');
  });

  it('exist in the six languages', () => {
    expect(stateName('FRA', 'en')).toBe('France');
    for (const lang of ['zh', 'ar'] as const) {
      const name = stateName('FRA', lang);
      expect(name).toBeTruthy();
      expect(name).not.toBe('France');
    }
    for (const lang of UN_LANGUAGES) {
      for (const s of unMemberStates()) expect(stateName(s.alpha3, lang), `${s.alpha3}/${lang}`).not.toBe(s.alpha2);
    }
    expect(stateName('ZZZ', 'en')).toBeUndefined();
  });
});

describe('sortByName', () => {
  it.each(['fr', 'zh', 'ar', 'ru'])('sorts in collation order for %s', (locale) => {
    const sorted = sortByName(unMemberStates(), locale);
    expect(sorted).toHaveLength(193);
    const names = sorted.map((s) => stateName(s.alpha3, locale)!);
    const collator = new Intl.Collator(locale);
    for (let i = 1; i < names.length; i++) {
      expect(collator.compare(names[i - 1]!, names[i]!), `${names[i - 1]} <= ${names[i]}`).toBeLessThanOrEqual(0);
    }
  });

  it('uses the language, not code points', () => {
    const fr = sortByName([stateByAlpha3('EGY')!, stateByAlpha3('EST')!, stateByAlpha3('ECU')!], 'fr');
    // Égypte, Équateur, Estonie: accented É sorts with E in French, not after Z.
    expect(fr.map((s) => s.alpha3)).toEqual(['EGY', 'ECU', 'EST']);
    const zh = sortByName([stateByAlpha3('USA')!, stateByAlpha3('CHN')!, stateByAlpha3('DEU')!], 'zh');
    // 德国 (dé), 美国 (měi), 中国 (zhōng) in pinyin order.
    expect(zh.map((s) => s.alpha3)).toEqual(['DEU', 'USA', 'CHN']);
  });

  it('does not mutate its input', () => {
    const input = unMemberStates();
    const before = input.map((s) => s.alpha3);
    sortByName(input, 'en');
    expect(input.map((s) => s.alpha3)).toEqual(before);
  });
});
