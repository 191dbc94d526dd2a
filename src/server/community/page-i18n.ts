import { readFileSync } from 'node:fs';
import { UN_LANGUAGES, type UnLanguage } from '../../core/reference/un-languages.ts';

/**
 * Messages of the server-rendered community pages, from the same catalogues as the web app (locales/*.json).
 * The language is `?lang=` when given, else the best of Accept-Language, else English.
 */
const catalogues = new Map<UnLanguage, Record<string, string>>();

function catalogue(lang: UnLanguage): Record<string, string> {
  let c = catalogues.get(lang);
  if (!c) {
    c = JSON.parse(readFileSync(new URL(`../../../locales/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    catalogues.set(lang, c);
  }
  return c;
}

export type Translate = (id: string, values?: Record<string, string | number>) => string;

/**
 * The message in `lang` with its `{name}` arguments filled in. The community pages' messages use plain arguments
 * only (no plural or select), so this stays a lookup and a replace.
 */
export function translator(lang: UnLanguage): Translate {
  return (id, values) => {
    const text = catalogue(lang)[id] ?? catalogue('en')[id] ?? id;
    return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
  };
}

export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined): UnLanguage {
  if (query && (UN_LANGUAGES as readonly string[]).includes(query)) return query as UnLanguage;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: (tag ?? '').toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1 };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if ((UN_LANGUAGES as readonly string[]).includes(lang)) return lang as UnLanguage;
  return 'en';
}

export const isRtl = (lang: string) => lang === 'ar';

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
