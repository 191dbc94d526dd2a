// The languages of the app: the six UN languages, plus the pseudo-locale used by tests.
import type { MessageFormatElement } from 'react-intl';
import ar from '../../../locales/ar.json';
import en from '../../../locales/en.json';
import es from '../../../locales/es.json';
import fr from '../../../locales/fr.json';
import ru from '../../../locales/ru.json';
import zh from '../../../locales/zh.json';
import { pseudoCatalogue } from './pseudo-locale.ts';

export const uiLocales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type UiLocale = (typeof uiLocales)[number];
export const pseudoLocale = 'qps-ploc';
export type AppLocale = UiLocale | typeof pseudoLocale;

/** Each language named in itself, as a language switcher shows it. */
export const endonyms: Record<UiLocale, string> = {
  ar: 'العربية',
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ru: 'Русский',
  zh: '中文',
};

export type Catalogue = Record<string, string> | Record<string, MessageFormatElement[]>;

const catalogues: Record<UiLocale, Record<string, string>> = { ar, en, es, fr, ru, zh };
let pseudo: Catalogue | undefined;

export function catalogueFor(locale: AppLocale): Catalogue {
  if (locale === pseudoLocale) {
    pseudo ??= pseudoCatalogue(en);
    return pseudo;
  }
  return catalogues[locale];
}

export function directionOf(locale: AppLocale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The locale `Intl` formats numbers and dates with; the pseudo-locale formats as English. */
export function formattingLocale(locale: AppLocale): string {
  return locale === pseudoLocale ? 'en' : locale;
}

const storageKey = 'safer.lang';

function asAppLocale(value: string | null | undefined): AppLocale | undefined {
  if (!value) return undefined;
  if (value === pseudoLocale) return pseudoLocale;
  const primary = value.toLowerCase().split(/[-_]/)[0];
  return uiLocales.find((l) => l === primary);
}

/** `?lang=xx` first, then the stored choice, then the browser's languages, else English. */
export function initialLocale(): AppLocale {
  const fromQuery = asAppLocale(new URLSearchParams(window.location.search).get('lang'));
  if (fromQuery) {
    persistLocale(fromQuery);
    return fromQuery;
  }
  const stored = asAppLocale(readStorage());
  if (stored) return stored;
  for (const language of navigator.languages ?? [navigator.language]) {
    const match = asAppLocale(language);
    if (match && match !== pseudoLocale) return match;
  }
  return 'en';
}

/** Remembers the reader's choice; the pseudo-locale is for tests and never remembered. */
export function persistLocale(locale: AppLocale): void {
  if (locale === pseudoLocale) return;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
