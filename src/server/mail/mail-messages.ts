import { readFileSync } from 'node:fs';
import { isUnLanguage, type UnLanguage } from '../../core/reference/un-languages.ts';

const catalogues = new Map<UnLanguage, Record<string, string>>();

function catalogue(language: UnLanguage): Record<string, string> {
  let c = catalogues.get(language);
  if (!c) {
    c = JSON.parse(readFileSync(new URL(`../../../locales/${language}.json`, import.meta.url), 'utf8')) as Record<string, string>;
    catalogues.set(language, c);
  }
  return c;
}

/**
 * A mail's text in the reader's language, from the same catalogues as the web app (`mail.*` keys). The messages
 * use plain `{name}` arguments only; dates are formatted here for the language.
 */
export function mailText(language: string, id: string, values: Record<string, string | Date>): string {
  const lang: UnLanguage = isUnLanguage(language) ? language : 'en';
  const template = catalogue(lang)[id] ?? catalogue('en')[id];
  if (template === undefined) throw new Error(`No message ${id}`);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    if (v === undefined) return whole;
    if (!(v instanceof Date)) return v;
    return `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(v)} UTC`;
  });
}
