import { describe, expect, it } from 'vitest';
import { newCitySchema } from './city.ts';

describe('new city validation', () => {
  const ok = { slug: 'durban', name: 'Durban (eThekwini)', country: 'ZAF', timezone: 'Africa/Johannesburg' };

  it('accepts a well-formed city', () => {
    expect(newCitySchema.parse(ok)).toEqual(ok);
  });

  it.each([
    ['slug', 'Durban'],
    ['slug', 'a'],
    ['slug', 'double--hyphen'],
    ['country', 'ZA'],
    ['country', 'XYZ'],
    ['timezone', 'Africa/Atlantis'],
    ['timezone', 'EST'],
    ['name', '   '],
  ])('rejects a bad %s (%s), naming the field', (field, value) => {
    const r = newCitySchema.safeParse({ ...ok, [field]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});
