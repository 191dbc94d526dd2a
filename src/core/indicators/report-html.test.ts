import { describe, expect, it } from 'vitest';
import type { TargetProgress } from './monitoring.ts';
import { renderReport } from './report-html.ts';

const progress: TargetProgress & { name: string; unit: 'per_100000_per_year' } = {
  name: 'Homicide <rate>',
  unit: 'per_100000_per_year',
  target: { id: 1, priorityId: 1, indicatorCode: '16.1.1', baseline: { value: 12, year: 2020 }, target: { value: 6, year: 2030 } },
  latest: { year: 2022, value: 10, lower: 8, upper: 12.5 },
  series: [
    { year: 2020, value: 12, lower: 10, upper: 14, numerator: 120, denominator: 1e6 },
    { year: 2021, value: 11, lower: 9, upper: 13, numerator: 110, denominator: 1e6 },
    { year: 2022, value: 10, lower: 8, upper: 12.5, numerator: 100, denominator: 1e6 },
  ],
  trend: { method: 'Poisson', annualChangePercent: -8.7, projection: { year: 2030, value: 5, lower: 3, upper: 8 } },
  status: 'on_track',
  notes: [],
};

const t = (id: string, values: Record<string, string> = {}) => `[${id}${Object.entries(values).map(([k, v]) => ` ${k}=${v}`).join('')}]`;

describe('progress report HTML', () => {
  it('writes a page in the reader\'s language and direction, with a chart per target, escaping names', () => {
    const html = renderReport(
      { lang: 'ar', dir: 'rtl', city: 'A & B', from: '2020-01-01', to: '2022-12-31', generatedAt: '2023-01-01 10:00', priorities: [{ title: 'Lethal violence', targets: [progress] }] },
      t,
    );
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('[indicators.report.title city=A &amp; B]');
    expect(html).toContain('Homicide &lt;rate&gt;');
    expect(html).toContain('[indicators.status.on_track]');
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('<polyline');
    expect(html).toContain('direction="ltr"');
  });

  it('says when the city has set no priorities', () => {
    const html = renderReport({ lang: 'en', dir: 'ltr', city: 'C', from: '2020-01-01', to: '2020-12-31', generatedAt: 'x', priorities: [] }, t);
    expect(html).toContain('[indicators.report.noPriorities]');
  });
});
