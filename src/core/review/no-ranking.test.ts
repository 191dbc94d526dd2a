import { describe, expect, it } from 'vitest';
import { rankingProblems } from './no-ranking.ts';

describe('the no-ranking checker', () => {
  const alphabetical = [
    { country: 'FRA', name: 'France' },
    { country: 'KEN', name: 'Kenya' },
    { country: 'MEX', name: 'Mexico' },
  ];

  it('passes states in alphabetical order of their English name, with allowed fields', () => {
    expect(rankingProblems({ states: alphabetical }, 'en')).toEqual([]);
  });

  it('fails on a field that scores or ranks a state', () => {
    for (const field of ['score', 'rank', 'rating', 'implementationIndex', 'grade', 'percentImplemented', 'colour', 'icon', 'shading']) {
      const bad = alphabetical.map((s, i) => ({ ...s, [field]: i }));
      expect(rankingProblems({ states: bad }, 'en').map((p) => p.problem), field).toContain('forbidden_field');
    }
  });

  it('fails on states ordered by anything but their name in the reader’s language', () => {
    const byPerformance = [alphabetical[2], alphabetical[0], alphabetical[1]];
    expect(rankingProblems(byPerformance, 'en')).toEqual([{ path: '$[1]', problem: 'not_alphabetical' }]);
    // The same three states in English order are not in Arabic alphabetical order (المكسيك comes first there).
    expect(rankingProblems(alphabetical, 'ar').map((p) => p.problem)).toContain('not_alphabetical');
  });

  it('requires date order of a calendar, and accepts any state order within it', () => {
    const calendar = [
      { country: 'MEX', date: '2027-01-31' },
      { country: 'FRA', date: '2027-03-31' },
    ];
    expect(rankingProblems({ entries: calendar }, 'en')).toEqual([]);
    expect(rankingProblems({ entries: [...calendar].reverse() }, 'en')).toEqual([{ path: '$.entries[1]', problem: 'not_date_order' }]);
  });

  it('reads CSV open data by its header and rows', () => {
    expect(rankingProblems('country,name\nFRA,France\nKEN,Kenya\n', 'en')).toEqual([]);
    expect(rankingProblems('country,name,rank\nKEN,Kenya,1\nFRA,France,2\n', 'en').map((p) => p.problem)).toEqual(['not_alphabetical', 'forbidden_field', 'forbidden_field']);
  });

  it('finds colour on a state in HTML', () => {
    expect(rankingProblems('<table><tr data-country="KEN"><td>Kenya</td></tr></table>', 'en')).toEqual([]);
    expect(rankingProblems('<table><tr data-country="KEN" style="background: green"><td>Kenya</td></tr></table>', 'en')[0]?.problem).toBe('styled_state');
  });
});
