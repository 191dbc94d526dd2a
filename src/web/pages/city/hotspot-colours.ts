// Colours of the hotspot map: ArcGIS's familiar diverging scheme (red hot, blue cold, darker = more sure), checked
// for contrast against the white page; grey for "not significant", hatched where nothing may be shown.

export const hotspotClasses = ['hot_99', 'hot_95', 'hot_90', 'not_significant', 'cold_90', 'cold_95', 'cold_99'] as const;
export const lisaClasses = ['high_high', 'high_low', 'low_high', 'low_low', 'not_significant'] as const;
export type MapClass = (typeof hotspotClasses)[number] | (typeof lisaClasses)[number];

const colours: Record<MapClass, string> = {
  hot_99: '#b2182b',
  hot_95: '#ef8a62',
  hot_90: '#fddbc7',
  not_significant: '#f0f0f0',
  cold_90: '#d1e5f0',
  cold_95: '#67a9cf',
  cold_99: '#2166ac',
  high_high: '#b2182b',
  high_low: '#f4a582',
  low_high: '#92c5de',
  low_low: '#2166ac',
};

/** The fill of an area's class; null (hatched) where the class carries no figure (suppressed, no neighbours…). */
export function classColour(cls: string): string | null {
  return Object.hasOwn(colours, cls) ? colours[cls as MapClass] : null;
}
