import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../reference/un-languages.ts';
import { builtInIndicators, customIndicator, customIndicatorSchema, findIndicator, iccsIndicator } from './definition.ts';

describe('indicator registry', () => {
  it('names and describes every built-in indicator in the six languages, marked unofficial', () => {
    const codes = builtInIndicators.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['16.1.1', '16.1.3', '16.1.4', '16.3.1', '11.7.2', '5.2.1', '5.2.2', 'umf:1.1.6', 'umf:5.1.1', 'umf:5.1.2', 'umf:5.1.3', 'umf:5.1.4']));
    for (const d of builtInIndicators) {
      for (const l of UN_LANGUAGES) {
        expect(d.names[l].text.trim(), `${d.code} ${l}`).not.toBe('');
        expect(d.descriptions[l].text.trim(), `${d.code} ${l}`).not.toBe('');
        expect(d.names[l].status).toBe('unofficial');
      }
      expect(d.source === 'record' ? d.record : d.survey, d.code).toBeDefined();
      expect(d.rule).not.toBe('');
    }
  });

  it('counts homicide as ICCS 0101 with police and health side by side', () => {
    const d = findIndicator('16.1.1')!;
    expect(d.record).toEqual({ iccs: '0101', bySource: true });
    expect(findIndicator('umf:5.1.1')!.record).toEqual(d.record);
  });

  it('keeps never-go-out and don\'t-know in the 16.1.4 denominator', () => {
    expect(findIndicator('16.1.4')!.rule).toMatch(/including "never go out/);
  });

  it('makes iccs:<code> for known codes only', () => {
    expect(iccsIndicator('0201')?.record?.iccs).toBe('0201');
    expect(findIndicator('iccs:99')).toBeUndefined();
    expect(findIndicator('iccs:02')?.names.en.text).toContain('ICCS 02');
  });

  it('checks and builds a custom indicator', () => {
    expect(customIndicatorSchema.safeParse({ code: 'x', names: { en: 'X' }, source: 'record', denominator: 'residents' }).success).toBe(false);
    const c = customIndicatorSchema.parse({ code: 'robbery', names: { fr: 'Vols' }, source: 'record', iccs: '0401', denominator: 'residents' });
    const d = customIndicator(c);
    expect(d.code).toBe('city:robbery');
    expect(d.names.en.text).toBe('Vols');
    expect(findIndicator('city:robbery', [d])).toBe(d);
  });
});
