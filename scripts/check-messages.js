#!/usr/bin/env node
// Checks the ICU message catalogues in locales/ against the web app's code (CONVENTIONS 12):
//  - every message id used in src/web (found by `formatjs extract`) is in all six catalogues;
//  - the six catalogues have the same keys;
//  - every message parses as ICU MessageFormat, and each translation uses the same arguments
//    (placeholders, plural/select variables, rich-text tags) as the English message;
//  - the English catalogue says what the code's defaultMessage says.
// Catalogue keys the code does not use are allowed (the server's error messages, for instance).
// Exit 0 when all is well, 1 with a list of problems otherwise.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const locales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const problems = [];

function extractFromCode() {
  const cli = join(dirname(require.resolve('@formatjs/cli/package.json')), 'bin', 'formatjs');
  const out = execFileSync(process.execPath, [cli, 'extract', 'src/web/**/*.{ts,tsx}', '--throws'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function loadCatalogue(locale) {
  const path = join(root, 'locales', `${locale}.json`);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`locales/${locale}.json is not a flat object`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') problems.push(`locales/${locale}.json: "${key}" is not a string`);
  }
  return data;
}

/** Names of the arguments and tags a parsed message uses, e.g. ["count", "<b>"]. */
function argumentsOf(elements, into = new Set()) {
  for (const el of elements) {
    // Types: 0 literal, 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 7 pound, 8 tag.
    if (el.type >= 1 && el.type <= 6) into.add(el.value);
    if (el.type === 8) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
    if (el.type === 5 || el.type === 6) {
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function parseOrReport(locale, key, message) {
  try {
    return parse(message);
  } catch (error) {
    problems.push(`locales/${locale}.json: "${key}" is not valid ICU MessageFormat (${error.message})`);
    return undefined;
  }
}

const extracted = extractFromCode();
const catalogues = Object.fromEntries(locales.map((l) => [l, loadCatalogue(l)]));
const allKeys = new Set(locales.flatMap((l) => Object.keys(catalogues[l])));

for (const id of Object.keys(extracted).sort()) {
  const missingIn = locales.filter((l) => !(id in catalogues[l]));
  if (missingIn.length > 0) problems.push(`"${id}" is used in src/web but missing from: ${missingIn.join(', ')}`);
  const wanted = extracted[id].defaultMessage;
  if (wanted !== undefined && id in catalogues.en && catalogues.en[id] !== wanted) {
    problems.push(`"${id}": locales/en.json differs from the code's defaultMessage ("${wanted}")`);
  }
}

for (const key of [...allKeys].sort()) {
  const missingIn = locales.filter((l) => !(key in catalogues[l]));
  if (missingIn.length > 0 && !(key in extracted)) {
    problems.push(`"${key}" is missing from: ${missingIn.join(', ')}`);
  }
}

for (const key of [...allKeys].sort()) {
  const english = key in catalogues.en ? parseOrReport('en', key, catalogues.en[key]) : undefined;
  const expected = english && [...argumentsOf(english)].sort().join(', ');
  for (const locale of locales.filter((l) => l !== 'en' && key in catalogues[l])) {
    const parsed = parseOrReport(locale, key, catalogues[locale][key]);
    if (!parsed || expected === undefined) continue;
    const actual = [...argumentsOf(parsed)].sort().join(', ');
    if (actual !== expected) {
      problems.push(`locales/${locale}.json: "${key}" uses {${actual}} but English uses {${expected}}`);
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(`check-messages: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(
  `check-messages: ${Object.keys(extracted).length} ids used in src/web, ${allKeys.size} keys in ${locales.length} catalogues: all present and valid\n`,
);
