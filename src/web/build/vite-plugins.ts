// Build-time helpers for the web app. They run in Node inside Vite, never in the browser:
// they read data shipped by npm packages and hand the browser only the small part it needs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** A plugin serving one generated module under `virtual:<name>`. */
function virtualModule(name: string, load: () => string): Plugin {
  const id = `virtual:${name}`;
  const resolved = `\0${id}`;
  return {
    name: `safer-${name}`,
    resolveId: (source) => (source === id ? resolved : undefined),
    load: (loaded) => (loaded === resolved ? load() : undefined),
  };
}

/**
 * `virtual:country-codes`: ISO 3166 alpha-3 → alpha-2, from the `world-countries` package, so the
 * browser can name a country with `Intl.DisplayNames` without shipping the package's 1.4 MB file.
 */
export function countryCodesPlugin(): Plugin {
  return virtualModule('country-codes', () => {
    const countries: { cca2: string; cca3: string }[] = JSON.parse(
      readFileSync(require.resolve('world-countries/countries.json'), 'utf8'),
    );
    const map = Object.fromEntries(countries.map((c) => [c.cca3, c.cca2]));
    return `export const alpha3ToAlpha2 = ${JSON.stringify(map)};`;
  });
}

/** The Noto font files (regular weight) the map draws its labels with, by fontsource package. */
const mapFonts: { pkg: string; subsets?: string[] }[] = [
  { pkg: 'noto-sans' },
  { pkg: 'noto-sans-arabic', subsets: ['arabic'] },
  { pkg: 'noto-sans-sc' },
];

/**
 * `virtual:map-font-faces`: the entries of a MapLibre style's `font-faces` for one font name. Each
 * fontsource subset file becomes one entry with its `unicode-range`; the files are imported with
 * `?url`, so Vite emits them into `dist/web` and the map loads them from our own origin.
 */
export function mapFontFacesPlugin(): Plugin {
  return virtualModule('map-font-faces', () => {
    const imports: string[] = [];
    const entries: string[] = [];
    for (const { pkg, subsets } of mapFonts) {
      const unicode: Record<string, string> = JSON.parse(
        readFileSync(require.resolve(`@fontsource/${pkg}/unicode.json`), 'utf8'),
      );
      for (const [key, range] of Object.entries(unicode)) {
        if (subsets && !subsets.includes(key)) continue;
        // Keys are subset names ("latin") or, for CJK, numbered slices ("[12]").
        const subset = key.replace(/^\[(\d+)\]$/, '$1');
        const name = `f${imports.length}`;
        imports.push(
          `import ${name} from '@fontsource/${pkg}/files/${pkg}-${subset}-400-normal.woff2?url';`,
        );
        const ranges = range.split(',').map((r) => r.trim());
        entries.push(`{ url: ${name}, 'unicode-range': ${JSON.stringify(ranges)} }`);
      }
    }
    return `${imports.join('\n')}\nexport const mapFontFaces = [\n${entries.join(',\n')}\n];\n`;
  });
}

/**
 * `virtual:rtl-text-plugin-url`: the URL of MapLibre's right-to-left text plugin, emitted as a file
 * of our own. The package exports only its ESM source, while the map's worker wants the
 * self-contained UMD build from dist/, so the file is named by path here.
 */
export function rtlTextPluginUrlPlugin(): Plugin {
  return virtualModule('rtl-text-plugin-url', () => {
    // The package exports only src/index.js: its dist/ sits beside src/.
    const source = require.resolve('@mapbox/mapbox-gl-rtl-text');
    const file = join(dirname(dirname(source)), 'dist', 'mapbox-gl-rtl-text.js');
    return `export { default } from ${JSON.stringify(`${file}?url`)};`;
  });
}
