import { describe, expect, it } from 'vitest';
import { buildCategoryMapper, categorySource } from './category.ts';
import { ICD10_SOURCE, icd10ToIccs, normaliseIcd10 } from './icd10.ts';

describe('category mapping', () => {
  it('maps local categories by the profile, trimming keys', () => {
    const map = buildCategoryMapper({ column: 'nature', map: { 'VOL AVEC VIOLENCE ': '0401', Cambriolage: '0501' }, unmapped: 'reject' });
    expect(map('VOL AVEC VIOLENCE')).toEqual({ ok: true, iccs: '0401', local: 'VOL AVEC VIOLENCE' });
    expect(map('cambriolage')).toEqual({ ok: false, reason: 'category not in the profile map' });
    expect(map('')).toEqual({ ok: false, reason: 'category is empty' });
  });

  it('counts unmapped categories as unclassified only when the profile says so', () => {
    const map = buildCategoryMapper({ column: 'nature', map: {}, unmapped: 'unclassified' });
    expect(map('ESCROQUERIE')).toEqual({ ok: true, iccs: 'unclassified', local: 'ESCROQUERIE' });
  });

  it('gives the whole file one category', () => {
    expect(buildCategoryMapper({ iccs: '0401' })('anything')).toEqual({ ok: true, iccs: '0401', local: null });
  });

  it('states where categories come from', () => {
    expect(categorySource({ icd10: 'cause', unmapped: 'reject' })).toContain(ICD10_SOURCE);
    expect(categorySource({ iccs: '0401' })).toContain('0401');
  });
});

describe('ICD-10 → ICCS (deaths)', () => {
  it('maps assault deaths, X85–Y09, and sequelae of assault, Y87.1, to intentional homicide', () => {
    for (const code of ['X85', 'X85.0', 'x99.1', 'X999', 'Y00', 'Y05', 'Y09', 'Y09.9', 'Y87.1', 'y871']) expect(icd10ToIccs(code), code).toBe('0101');
  });

  it('leaves other causes to the profile (legal intervention and war are not homicide)', () => {
    for (const code of ['X84', 'X84.9', 'Y10', 'Y35', 'Y36.1', 'Y87', 'Y87.0', 'Y87.2', 'V01.0', 'W00', '', 'homicide']) {
      expect(icd10ToIccs(code), code).toBeUndefined();
    }
    const map = buildCategoryMapper({ icd10: 'cause', unmapped: 'reject' });
    expect(map('Y35.0')).toMatchObject({ ok: false });
    expect(buildCategoryMapper({ icd10: 'cause', unmapped: 'unclassified' })('Y35.0')).toEqual({ ok: true, iccs: 'unclassified', local: 'Y35.0' });
  });

  it('normalises codes as files write them', () => {
    expect(normaliseIcd10(' x85.0 ')).toBe('X850');
    expect(normaliseIcd10('X 85')).toBe('X85');
    expect(normaliseIcd10('85X')).toBeUndefined();
  });
});
