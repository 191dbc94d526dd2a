import { type Category, categoryName } from '../../core/community/category.ts';
import { affectedGroups, daysOfWeek, type ReportEvent, type ReportStatus, timesOfDay } from '../../core/community/report.ts';
import { UN_LANGUAGES, type UnLanguage } from '../../core/reference/un-languages.ts';
import { esc, isRtl, type Translate, translator } from './page-i18n.ts';

/**
 * The server-rendered community pages (issue 7): plain HTML forms that work with JavaScript off, in the reader's
 * language and direction, a few kilobytes each. Every value is escaped. One stylesheet and one optional script,
 * both served by the platform.
 */
export type FormValues = {
  category?: string;
  unit?: string;
  landmark?: string;
  lat?: string;
  lon?: string;
  times?: string[];
  days?: string[];
  who?: string[];
  description?: string;
  contact?: string;
};

export type FormPage = {
  lang: UnLanguage;
  city: { slug: string; name: string };
  categories: Category[];
  units: { code: string; name: string }[];
  retentionDays: number;
  token: string;
  idempotencyKey: string;
  powBits: number;
  values: FormValues;
  errors: string[];
};

function layout(lang: UnLanguage, title: string, body: string): string {
  const t = translator(lang);
  const langs = UN_LANGUAGES.map((l) => {
    const name = translator(l)('community.page.languageName');
    return l === lang ? `<li><strong lang="${l}">${esc(name)}</strong></li>` : `<li><a href="?lang=${l}" lang="${l}" hreflang="${l}">${esc(name)}</a></li>`;
  }).join('');
  return `<!doctype html>
<html lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/c/assets/community.css">
</head>
<body>
<nav aria-label="${esc(t('community.page.languages'))}"><ul class="langs">${langs}</ul></nav>
<main>
${body}
</main>
</body>
</html>
`;
}

function checkboxes(t: Translate, name: string, legend: string, options: readonly string[], prefix: string, chosen: string[] = []): string {
  const boxes = options
    .map(
      (o) =>
        `<label class="check"><input type="checkbox" name="${name}" value="${esc(o)}"${chosen.includes(o) ? ' checked' : ''}> ${esc(t(`${prefix}.${o}`))}</label>`,
    )
    .join('\n');
  return `<fieldset><legend>${esc(legend)}</legend>\n${boxes}\n</fieldset>`;
}

export function renderForm(p: FormPage): string {
  const t = translator(p.lang);
  const v = p.values;
  const title = t('community.page.title', { city: p.city.name });
  const errors =
    p.errors.length > 0
      ? `<div class="errors" role="alert" id="form-errors"><p>${esc(t('community.page.errors'))}</p><ul>${p.errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>`
      : '';
  const categories = p.categories
    .filter((c) => c.active)
    .map((c) => ({ c, name: categoryName(c, p.lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, p.lang))
    .map(({ c, name }) => `<option value="${esc(c.code)}"${v.category === c.code ? ' selected' : ''}>${esc(name)}</option>`)
    .join('');
  const units =
    p.units.length > 0
      ? `<label for="unit">${esc(t('community.page.placeUnit'))}</label>
<select id="unit" name="unit"><option value="">${esc(t('community.page.placeUnitNone'))}</option>${[...p.units]
          .sort((a, b) => a.name.localeCompare(b.name, p.lang))
          .map((u) => `<option value="${esc(u.code)}"${v.unit === u.code ? ' selected' : ''}>${esc(u.name)}</option>`)
          .join('')}</select>`
      : '';
  const body = `<h1>${esc(title)}</h1>
<p>${esc(t('community.page.intro'))}</p>
${errors}
<form method="post" action="/c/${esc(p.city.slug)}/report?lang=${p.lang}" enctype="multipart/form-data" id="report-form" data-pow-bits="${p.powBits}" data-city="${esc(p.city.slug)}">
<input type="hidden" name="token" value="${esc(p.token)}">
<input type="hidden" name="key" value="${esc(p.idempotencyKey)}">
<input type="hidden" name="pow" value="">
<div class="hp"><label for="website">${esc(t('community.page.honeypot'))}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<label for="category">${esc(t('community.page.category'))}</label>
<select id="category" name="category" required><option value="">${esc(t('community.page.categoryNone'))}</option>${categories}</select>
<fieldset><legend>${esc(t('community.page.place'))}</legend>
${units}
<label for="landmark">${esc(t('community.page.placeLandmark'))}</label>
<input id="landmark" name="landmark" type="text" maxlength="300" value="${esc(v.landmark)}">
<input type="hidden" name="lat" value="${esc(v.lat)}"><input type="hidden" name="lon" value="${esc(v.lon)}">
<div id="map" hidden><p class="hint">${esc(t('community.page.mapHint'))}</p></div>
<p class="js-only" hidden><button type="button" id="locate">${esc(t('community.page.placeLocate'))}</button> <span id="located" role="status" data-done="${esc(t('community.page.placeLocated'))}"></span></p>
</fieldset>
${checkboxes(t, 'times', t('community.page.when'), timesOfDay, 'community.page.time', v.times)}
${checkboxes(t, 'days', t('community.page.days'), daysOfWeek, 'community.page.day', v.days)}
${checkboxes(t, 'who', t('community.page.who'), affectedGroups, 'community.page.whoGroup', v.who)}
<label for="description">${esc(t('community.page.description'))}</label>
<p class="hint" id="description-hint">${esc(t('community.page.descriptionHint'))}</p>
<textarea id="description" name="description" rows="5" maxlength="5000" required aria-describedby="description-hint">${esc(v.description)}</textarea>
<label for="photos">${esc(t('community.page.photos'))}</label>
<p class="hint" id="photos-hint">${esc(t('community.page.photosHint'))}</p>
<input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple aria-describedby="photos-hint">
<label for="contact">${esc(t('community.page.contact'))}</label>
<p class="hint" id="contact-hint">${esc(t('community.page.contactHint', { days: p.retentionDays }))}</p>
<input id="contact" name="contact" type="text" maxlength="300" autocomplete="off" value="${esc(v.contact)}" aria-describedby="contact-hint">
<p><button type="submit">${esc(t('community.page.submit'))}</button></p>
</form>
<script src="/c/assets/report.js" defer></script>`;
  return layout(p.lang, title, body);
}

export function renderThanks(lang: UnLanguage, city: { slug: string; name: string }, id: string, followUrl: string): string {
  const t = translator(lang);
  const title = t('community.page.thanksTitle');
  return layout(
    lang,
    title,
    `<h1>${esc(title)}</h1>
<p>${esc(t('community.page.thanksId', { id }))}</p>
<h2>${esc(t('community.page.thanksLink'))}</h2>
<p class="link"><a href="${esc(followUrl)}">${esc(followUrl)}</a></p>
<p>${esc(t('community.page.thanksKeep'))}</p>
<p><a href="/c/${esc(city.slug)}/report?lang=${lang}">${esc(t('community.page.another'))}</a></p>`,
  );
}

export type FollowPage = {
  lang: UnLanguage;
  city: { slug: string; name: string };
  token: string;
  id: string;
  category: string;
  status: ReportStatus;
  submittedAt: Date;
  publicDescription: string | null;
  events: ReportEvent[];
  added: boolean;
};

export function renderFollow(p: FollowPage): string {
  const t = translator(p.lang);
  const date = (d: Date) => new Intl.DateTimeFormat(p.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  const events = p.events
    .map((e) => {
      const what = eventText(t, e);
      return `<li><time datetime="${e.at.toISOString()}">${esc(date(e.at))}</time> — ${esc(what)}${e.body && e.kind !== 'merge' ? `<blockquote>${esc(e.body)}</blockquote>` : ''}</li>`;
    })
    .join('');
  const title = t('community.page.followTitle', { id: p.id });
  return layout(
    p.lang,
    title,
    `<h1>${esc(title)}</h1>
${p.added ? `<p role="status" class="ok">${esc(t('community.page.followAdded'))}</p>` : ''}
<dl>
<dt>${esc(t('community.page.category'))}</dt><dd>${esc(p.category)}</dd>
<dt>${esc(t('community.page.followStatus'))}</dt><dd>${esc(t(`community.page.status.${p.status}`))}</dd>
<dt>${esc(t('community.page.followSubmitted'))}</dt><dd><time datetime="${p.submittedAt.toISOString()}">${esc(date(p.submittedAt))}</time></dd>
</dl>
<h2>${esc(t('community.page.followPublished'))}</h2>
<p>${p.publicDescription === null ? esc(t('community.page.followNotPublished')) : esc(p.publicDescription)}</p>
<h2>${esc(t('community.page.followEvents'))}</h2>
${events ? `<ol class="events">${events}</ol>` : `<p>${esc(t('community.page.followNoEvents'))}</p>`}
<form method="post" action="/c/${esc(p.city.slug)}/follow/${esc(p.token)}?lang=${p.lang}">
<label for="text">${esc(t('community.page.followAdd'))}</label>
<p class="hint" id="text-hint">${esc(t('community.page.descriptionHint'))}</p>
<textarea id="text" name="text" rows="4" maxlength="5000" required aria-describedby="text-hint"></textarea>
<p><button type="submit">${esc(t('community.page.followAddSubmit'))}</button></p>
</form>`,
  );
}

function eventText(t: Translate, e: ReportEvent): string {
  switch (e.kind) {
    case 'approve':
      return t('community.page.event.approve');
    case 'forward':
      return t('community.page.event.forward', { department: e.department ?? '' });
    case 'answer':
      return t('community.page.event.answer');
    case 'status':
      return t('community.page.event.status', { status: t(`community.page.status.${e.status ?? 'received'}`) });
    case 'merge':
      return t('community.page.event.merge', { id: e.body ?? '' });
    case 'addition':
    case 'redact':
    case 'hide':
      return t('community.page.event.update');
    default: {
      const unreachable: never = e.kind;
      throw new Error(`Unknown event ${String(unreachable)}`);
    }
  }
}

export function renderProblem(lang: UnLanguage, message: string, back: string): string {
  const t = translator(lang);
  return layout(
    lang,
    message,
    `<h1>${esc(t('community.page.problem'))}</h1>
<p role="alert">${esc(message)}</p>
<p><a href="${esc(back)}">${esc(t('community.page.back'))}</a></p>`,
  );
}
