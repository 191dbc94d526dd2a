import { existsSync } from 'node:fs';
import { z } from 'zod';
import { nameIn } from '../../core/indicators/definition.ts';
import { renderReport } from '../../core/indicators/report-html.ts';
import { defineJob } from '../jobs/job.handler.ts';
import { mailText } from '../mail/mail-messages.ts';
import type { Services } from '../services.ts';

export const MONITORING_REPORT_JOB = 'monitoring.report';

/** Debian's Chromium, which prints the PDF; without it the report keeps its HTML and says so. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Builds a progress report: the printable HTML page in the asked language, then a PDF printed from that HTML by
 * headless Chromium. Public figures (small cells withheld), since a printed report travels.
 */
export function monitoringReportJob(services: Services, chromiumPath = CHROMIUM_PATH) {
  return defineJob({
    kind: MONITORING_REPORT_JOB,
    payload: z.object({ city: z.string(), cityId: z.number().int(), reportId: z.number().int() }),
    maxAttempts: 1,
    async run(ctx) {
      const { city: slug, cityId, reportId } = ctx.payload;
      const report = await services.monitoring.report(slug, reportId);
      try {
        await ctx.progress(0, 3, 'progress');
        const city = await services.cities.get(slug);
        const progress = await services.monitoring.progress(slug, 'public', { to: report.to });
        const defs = new Map((await services.indicators.list(slug)).map((d) => [d.code, d]));
        const lang = report.lang;
        const t = (id: string, values: Record<string, string> = {}) => mailText(lang, id, values);
        const html = renderReport(
          {
            lang,
            dir: lang === 'ar' ? 'rtl' : 'ltr',
            city: city.name,
            from: report.from,
            to: report.to,
            generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
            priorities: progress.map((p) => ({
              title: p.title,
              targets: p.targets.map((tp) => {
                const def = defs.get(tp.target.indicatorCode);
                return { ...tp, name: def ? nameIn(def, lang) : tp.target.indicatorCode, unit: def?.unit ?? 'per_100000_per_year' };
              }),
            })),
          },
          t,
        );
        await ctx.progress(1, 3, 'html');
        const { pdf, note } = await printPdf(html, chromiumPath);
        await ctx.progress(2, 3, 'pdf');
        await services.monitoring.repo.finishReport(cityId, reportId, { status: 'done', html, pdf, note });
        await ctx.progress(3, 3, null);
        return { reportId, pdf: pdf !== null, note };
      } catch (err) {
        await services.monitoring.repo.finishReport(cityId, reportId, { status: 'failed', html: null, pdf: null, note: (err as Error).message });
        throw err;
      }
    },
  });
}

/** Prints the HTML to an A4 PDF with headless Chromium; where Chromium is absent or fails, no PDF and a note. */
export async function printPdf(html: string, chromiumPath: string): Promise<{ pdf: Uint8Array | null; note: string | null }> {
  if (!existsSync(chromiumPath)) {
    return { pdf: null, note: `No PDF: Chromium is not installed at ${chromiumPath}. Open the HTML report and print it from the browser.` };
  }
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { pdf: new Uint8Array(pdf), note: null };
  } catch (err) {
    return { pdf: null, note: `No PDF: Chromium could not print it (${(err as Error).message.split('\n')[0]}). Open the HTML report and print it from the browser.` };
  } finally {
    await browser?.close();
  }
}
