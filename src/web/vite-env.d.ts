/// <reference types="vite/client" />

declare module 'virtual:country-codes' {
  /** ISO 3166 alpha-3 → alpha-2, generated at build time from `world-countries`. */
  export const alpha3ToAlpha2: Record<string, string>;
}

declare module 'virtual:map-font-faces' {
  /** `font-faces` entries of a MapLibre style: Noto font files emitted by Vite into our origin. */
  export const mapFontFaces: { url: string; 'unicode-range': string[] }[];
}

declare module 'virtual:rtl-text-plugin-url' {
  /** Where the browser loads @mapbox/mapbox-gl-rtl-text from: a file in dist/web. */
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** Optional raster basemap, an XYZ tile URL template; none by default (no outside requests). */
  readonly VITE_BASEMAP_TILE_URL?: string;
  /** Attribution text for that basemap, shown on the map. */
  readonly VITE_BASEMAP_ATTRIBUTION?: string;
}
