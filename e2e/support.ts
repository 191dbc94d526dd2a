// Helpers shared by the end-to-end tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

export const uiLocales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type UiLocale = (typeof uiLocales)[number];

const root = join(import.meta.dirname, '..');

export function catalogue(locale: UiLocale): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'locales', `${locale}.json`), 'utf8'));
}

/** The token the server under test wrote into its fresh data directory. */
export function operatorToken(): string {
  const dataDir = process.env.SAFER_E2E_DATA_DIR;
  if (!dataDir) throw new Error('SAFER_E2E_DATA_DIR is not set (playwright.config.ts sets it)');
  return readFileSync(join(root, dataDir, 'operator-token'), 'utf8').trim();
}

/**
 * Records every request of the context (pages and workers). A request to another origin is
 * recorded and aborted, so a test can assert that none was made without anything leaving.
 */
export async function watchRequests(context: BrowserContext, origin: string) {
  const sameOrigin: string[] = [];
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
      sameOrigin.push(url);
      return route.fallback();
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  return { sameOrigin, outside };
}

export type TextReport = { untranslated: string[]; pseudo: number; checked: number };

/**
 * Walks the page's visible text (text nodes of the body, and the labels in aria-label, title,
 * placeholder, alt) and reports every piece with an ASCII letter: in the pseudo-locale each
 * letter of a catalogue message is accented, so such text did not come from a catalogue. API data
 * (marked data-i18n-exempt), dates and times formatted by Intl (<time>) and text in another
 * language on purpose (an element with its own lang, such as the language names) are skipped.
 */
export function findUntranslatedText(page: Page): Promise<TextReport> {
  return page.evaluate(() => {
    const skip = '[data-i18n-exempt], time, script, style, noscript, [lang]:not(html)';
    const report = { untranslated: [] as string[], pseudo: 0, checked: 0 };
    const look = (text: string, where: string) => {
      if (!text.trim()) return;
      report.checked++;
      if (/[A-Za-z]/.test(text)) report.untranslated.push(`${where}: ${text.trim()}`);
      else if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(text)) report.pseudo++;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(skip)) continue;
      look(node.nodeValue ?? '', `text in <${node.parentElement?.localName}>`);
    }
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest(skip)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(attribute);
        if (value) look(value, `${attribute} of <${element.localName}>`);
      }
    }
    look(document.title, '<title>');
    return report;
  });
}
