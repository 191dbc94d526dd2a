import { describe, expect, it } from 'vitest';
import { classColour, hotspotClasses, lisaClasses } from './hotspot-colours.ts';

describe('hotspot colours', () => {
  it('colours every class the API gives a figure, and hatches the rest', () => {
    for (const c of [...hotspotClasses, ...lisaClasses]) expect(classColour(c)).toMatch(/^#[0-9a-f]{6}$/);
    for (const c of ['suppressed', 'no_neighbours', 'no_population']) expect(classColour(c)).toBeNull();
  });

  it('tells hot from cold at every confidence', () => {
    const hot = ['hot_99', 'hot_95', 'hot_90'].map(classColour);
    const cold = ['cold_99', 'cold_95', 'cold_90'].map(classColour);
    expect(new Set([...hot, ...cold]).size).toBe(6);
  });
});
