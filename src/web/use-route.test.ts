import { describe, expect, it } from 'vitest';
import { pathOf, sectionOf, viewOf } from './use-route.ts';

describe('routes of the city pages', () => {
  it('reads and writes the hot spots page of a city', () => {
    const view = viewOf('/cities/san-francisco/hotspots');
    expect(view).toEqual({ page: 'cityHotspots', slug: 'san-francisco' });
    expect(pathOf(view)).toBe('/cities/san-francisco/hotspots');
    expect(sectionOf(view)).toBe('cities');
    expect(viewOf('/cities/san-francisco/imports')).toEqual({ page: 'cityImports', slug: 'san-francisco' });
    expect(viewOf('/cities/san-francisco/other')).toEqual({ page: 'cities' });
  });
});
