import type { TargetProgress } from './monitoring.ts';

/**
 * The progress report as one printable HTML page (issue 5, scope 4): per priority, per target, the latest value with
 * its interval, the trend and the status, and an inline SVG chart of the yearly values with their intervals, the
 * baseline, the target and the projection. Pure: the server passes translated texts and prints the PDF from it.
 */
export type ReportTexts = (id: string, values?: Record<string, string>) => string;

export type ReportModel = {
  lang: string;
  dir: 'ltr' | 'rtl';
  city: string;
  from: string;
  to: string;
  generatedAt: string;
  priorities: { title: string; targets: (TargetProgress & { name: string; unit: 'per_100000_per_year' | 'percent' })[] }[];
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderReport(m: ReportModel, t: ReportTexts): string {
  const num = new Intl.NumberFormat(m.lang, { maximumFractionDigits: 2 });
  const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : num.format(v));
  const sections = m.priorities
    .map((p) => {
      const targets = p.targets
        .map((tp) => {
          const unit = t(tp.unit === 'percent' ? 'indicators.unit.percent' : 'indicators.unit.rate');
          const latest = tp.latest
            ? tp.latest.suppressed
              ? t('indicators.report.suppressed')
              : `${f(tp.latest.value)} (${f(tp.latest.lower)}–${f(tp.latest.upper)}), ${tp.latest.year}`
            : t('indicators.report.noValue');
          const trend = tp.trend
            ? t('indicators.report.trend', {
                change: num.format(tp.trend.annualChangePercent),
                year: String(tp.trend.projection.year),
                value: f(tp.trend.projection.value),
                lower: f(tp.trend.projection.lower),
                upper: f(tp.trend.projection.upper),
              })
            : t('indicators.report.noTrend');
          return `<section class="target">
  <h3>${esc(tp.name)} <span class="code">${esc(tp.target.indicatorCode)}</span></h3>
  <p class="status status-${tp.status}">${esc(t(`indicators.status.${tp.status}`))}</p>
  <dl>
    <dt>${esc(t('indicators.report.unit'))}</dt><dd>${esc(unit)}</dd>
    <dt>${esc(t('indicators.report.baseline'))}</dt><dd>${f(tp.target.baseline.value)} (${tp.target.baseline.year})</dd>
    <dt>${esc(t('indicators.report.target'))}</dt><dd>${f(tp.target.target.value)} (${tp.target.target.year})</dd>
    <dt>${esc(t('indicators.report.latest'))}</dt><dd>${esc(latest)}</dd>
    <dt>${esc(t('indicators.report.trendLabel'))}</dt><dd>${esc(trend)}</dd>
  </dl>
  ${chartSvg(tp, t('indicators.report.chartLabel', { name: tp.name }))}
</section>`;
        })
        .join('\n');
      return `<section class="priority"><h2>${esc(p.title)}</h2>${targets || `<p>${esc(t('indicators.report.noTargets'))}</p>`}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${esc(m.lang)}" dir="${m.dir}">
<head>
<meta charset="utf-8">
<title>${esc(t('indicators.report.title', { city: m.city }))}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; color: #1a1a1a; font-size: 11pt; line-height: 1.45; margin: 0 auto; max-width: 180mm; }
  h1 { font-size: 18pt; margin-block: 0 4pt; }
  h2 { font-size: 14pt; border-block-end: 1px solid #888; margin-block: 16pt 6pt; }
  h3 { font-size: 12pt; margin-block: 10pt 2pt; }
  .code { color: #555; font-weight: normal; font-size: 10pt; }
  .target { break-inside: avoid; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 4pt 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  .status { display: inline-block; padding: 1pt 6pt; border: 1px solid; font-weight: bold; margin: 2pt 0; }
  .status-on_track { color: #0a5c2a; }
  .status-off_track { color: #8a1111; }
  .status-uncertain, .status-no_data { color: #6b4a00; }
  .meta, .method { color: #444; font-size: 9.5pt; }
  svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${esc(t('indicators.report.title', { city: m.city }))}</h1>
<p class="meta">${esc(t('indicators.report.period', { from: m.from, to: m.to }))} · ${esc(t('indicators.report.generated', { at: m.generatedAt }))}</p>
<p class="method">${esc(t('indicators.report.method'))}</p>
${sections || `<p>${esc(t('indicators.report.noPriorities'))}</p>`}
</body>
</html>
`;
}

/** Yearly values with interval bars, baseline and target markers, and the projection line; always left-to-right. */
export function chartSvg(tp: TargetProgress, label: string): string {
  const W = 520;
  const H = 200;
  const pad = { l: 48, r: 16, t: 12, b: 28 };
  const pts = tp.series.filter((s) => s.value !== null);
  const years = [...pts.map((s) => s.year), tp.target.baseline.year, tp.target.target.year];
  const values = [
    ...pts.flatMap((s) => [s.value!, s.upper ?? s.value!]),
    tp.target.baseline.value,
    tp.target.target.value,
    ...(tp.trend ? [tp.trend.projection.value] : []),
  ];
  const x0 = Math.min(...years);
  const x1 = Math.max(...years, x0 + 1);
  const yMax = Math.max(...values, 1e-9) * 1.1;
  const xAt = (y: number) => pad.l + ((y - x0) / (x1 - x0)) * (W - pad.l - pad.r);
  const yAt = (v: number) => H - pad.b - (v / yMax) * (H - pad.t - pad.b);
  const r = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/>`);
  parts.push(`<line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`);
  for (const y of [x0, Math.round((x0 + x1) / 2), x1]) {
    parts.push(`<text x="${r(xAt(y))}" y="${H - 8}" font-size="10" text-anchor="middle">${y}</text>`);
  }
  for (const v of [0, yMax / 2, yMax]) {
    parts.push(`<text x="${pad.l - 4}" y="${r(yAt(v) + 3)}" font-size="10" text-anchor="end">${v.toPrecision(3)}</text>`);
  }
  for (const s of pts) {
    if (s.lower !== null && s.upper !== null) parts.push(`<line x1="${r(xAt(s.year))}" y1="${r(yAt(s.lower))}" x2="${r(xAt(s.year))}" y2="${r(yAt(s.upper))}" stroke="#7a9cc6" stroke-width="3"/>`);
  }
  if (pts.length > 1) parts.push(`<polyline fill="none" stroke="#1f4e8c" stroke-width="2" points="${pts.map((s) => `${r(xAt(s.year))},${r(yAt(s.value!))}`).join(' ')}"/>`);
  for (const s of pts) parts.push(`<circle cx="${r(xAt(s.year))}" cy="${r(yAt(s.value!))}" r="3" fill="#1f4e8c"/>`);
  if (tp.trend && pts.length > 0) {
    const last = pts.at(-1)!;
    const p = tp.trend.projection;
    parts.push(`<line x1="${r(xAt(last.year))}" y1="${r(yAt(last.value!))}" x2="${r(xAt(p.year))}" y2="${r(yAt(p.value))}" stroke="#1f4e8c" stroke-dasharray="4 3"/>`);
    parts.push(`<line x1="${r(xAt(p.year))}" y1="${r(yAt(Math.min(p.lower, yMax)))}" x2="${r(xAt(p.year))}" y2="${r(yAt(Math.min(p.upper, yMax)))}" stroke="#7a9cc6" stroke-dasharray="2 2" stroke-width="3"/>`);
  }
  parts.push(`<rect x="${r(xAt(tp.target.baseline.year) - 4)}" y="${r(yAt(tp.target.baseline.value) - 4)}" width="8" height="8" fill="#555"/>`);
  parts.push(`<path d="M ${r(xAt(tp.target.target.year))} ${r(yAt(tp.target.target.value) - 6)} l 6 6 l -6 6 l -6 -6 z" fill="#b8860b"/>`);
  return `<svg role="img" aria-label="${esc(label)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" direction="ltr" xmlns="http://www.w3.org/2000/svg"><title>${esc(label)}</title>${parts.join('')}</svg>`;
}
