import { existsSync } from 'node:fs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Principal } from '../../core/accounts/access-rule.ts';
import type { Actor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import { stateName } from '../../core/reference/states.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import { type Answer, SECTION_PARAGRAPHS } from '../../core/review/checklist.ts';
import type { Participation } from '../../core/review/cycle.ts';
import { mailText } from '../mail/mail-messages.ts';
import type { Services } from '../services.ts';

export const exportFormats = ['html', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** A document as lines: headings and labelled paragraphs, rendered alike to HTML and DOCX. */
type Block = { kind: 'title' | 'banner' | 'heading' | 'question' | 'field'; text: string; label?: string };

const t = (lang: UnLanguage, id: string, values: Record<string, string> = {}) => mailText(lang, id, values);

/**
 * The checklist or the proposal in the review's language (DESIGN §4 Documents), through the same service reads as
 * the API, so the confidentiality level holds in exports too. PDF is the HTML printed by headless Chromium; where
 * Chromium is absent the answer says so and offers HTML.
 */
export async function renderExport(
  services: Services,
  review: Participation,
  what: 'checklist' | 'proposal',
  format: ExportFormat,
  principal: Principal,
  actor: Actor,
): Promise<{ mediaType: string; fileName: string; body: Buffer | string }> {
  const lang = review.language;
  const blocks = what === 'checklist' ? await checklistBlocks(services, review, principal, actor) : await proposalBlocks(services, review, principal, actor);
  await services.audit.record(actor, { action: 'review.export', target: { type: `review_${what}`, id: review.reviewId }, scope: { kind: 'review', id: review.reviewId }, fields: [format] });
  const base = `${review.reviewId}-${what}`;
  switch (format) {
    case 'html':
      return { mediaType: 'text/html; charset=utf-8', fileName: `${base}.html`, body: toHtml(blocks, lang) };
    case 'pdf':
      return { mediaType: 'application/pdf', fileName: `${base}.pdf`, body: await printPdf(toHtml(blocks, lang)) };
    case 'docx':
      return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: `${base}.docx`, body: await toDocx(blocks, lang) };
    default: {
      const unreachable: never = format;
      throw new Error(`Unknown format ${String(unreachable)}`);
    }
  }
}

function header(review: Participation, example: boolean, confidentiality: string, titleId: string): Block[] {
  const lang = review.language;
  const blocks: Block[] = [];
  if (example) blocks.push({ kind: 'banner', text: t(lang, 'review.example.banner') });
  blocks.push({ kind: 'banner', text: `${t(lang, 'review.confidentiality.label')}: ${t(lang, `review.confidentiality.${confidentiality}`)}` });
  blocks.push({ kind: 'title', text: `${t(lang, titleId)} — ${stateName(review.country, lang) ?? review.country} — ${review.reviewId}` });
  return blocks;
}

async function checklistBlocks(services: Services, review: Participation, principal: Principal, actor: Actor): Promise<Block[]> {
  const lang = review.language;
  const view = await services.review.checklists.view(review, principal, actor);
  const answers = new Map(view.answers.map((a) => [a.questionId, a.answer]));
  const blocks = header(review, view.example, view.confidentiality, 'review.checklist.title');
  blocks.push({ kind: 'field', text: t(lang, 'review.checklist.unofficial') });
  let section = '';
  for (const q of view.questions) {
    if (q.section !== section) {
      section = q.section;
      blocks.push({ kind: 'heading', text: `${t(lang, `review.section.${q.section}`)} (${t(lang, 'review.paragraphs', { paragraphs: SECTION_PARAGRAPHS[q.section] })})` });
    }
    blocks.push({ kind: 'question', text: `${t(lang, 'review.paragraph', { paragraph: q.paragraph })} — ${q.text[lang]}` });
    blocks.push(...answerBlocks(lang, answers.get(q.id)));
  }
  return blocks;
}

function answerBlocks(lang: UnLanguage, a: Answer | undefined): Block[] {
  if (!a) return [{ kind: 'field', text: t(lang, 'review.answer.none') }];
  const out: Block[] = [{ kind: 'field', label: t(lang, 'review.answer.status'), text: a.status ? t(lang, `review.status.${a.status}`) : '—' }];
  for (const f of ['narrative', 'measures', 'difficulties', 'goodPractices'] as const) {
    if (a[f].trim()) out.push({ kind: 'field', label: t(lang, `review.answer.${f}`), text: a[f] });
  }
  for (const e of a.evidence) out.push({ kind: 'field', label: t(lang, 'review.answer.evidence'), text: e.kind === 'link' ? `${e.title || e.url} <${e.url}>` : e.name });
  for (const n of a.taNeeds) {
    out.push({ kind: 'field', label: t(lang, 'review.answer.taNeeds'), text: `${t(lang, `review.ta.type.${n.type}`)} / ${t(lang, `review.section.${n.subject}`)}${n.details ? `: ${n.details}` : ''}` });
  }
  return out;
}

async function proposalBlocks(services: Services, review: Participation, principal: Principal, actor: Actor): Promise<Block[]> {
  const lang = review.language;
  const { proposal, template } = await services.review.dialogue.proposal(review, principal, actor);
  const cycle = await services.review.cycles.cycle(review.cycleId);
  const blocks = header(review, cycle.example, proposal.confidentiality, 'review.proposal.title');
  blocks.push({ kind: 'field', text: t(lang, `review.proposal.status.${proposal.status}`) });
  for (const field of template.fields) {
    blocks.push({ kind: 'heading', text: field.label[lang] });
    const value = proposal.content[field.id];
    const text =
      value === undefined ? '—' : typeof value === 'boolean' ? t(lang, value ? 'review.yes' : 'review.no') : Array.isArray(value) ? value.join(', ') : value;
    blocks.push({ kind: 'field', text });
  }
  return blocks;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function toHtml(blocks: readonly Block[], lang: UnLanguage): string {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case 'title':
          return `<h1>${escapeHtml(b.text)}</h1>`;
        case 'banner':
          return `<p class="banner">${escapeHtml(b.text)}</p>`;
        case 'heading':
          return `<h2>${escapeHtml(b.text)}</h2>`;
        case 'question':
          return `<h3>${escapeHtml(b.text)}</h3>`;
        case 'field':
          return `<p>${b.label ? `<strong>${escapeHtml(b.label)}:</strong> ` : ''}${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`;
        default:
          return '';
      }
    })
    .join('\n');
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font-family:"Noto Sans","Noto Sans Arabic","Noto Sans CJK SC",sans-serif;margin:2rem;line-height:1.5}
.banner{border:2px solid #333;padding:.25rem .5rem;font-weight:bold}
h3{font-size:1rem;margin-block-start:1.5rem}p{margin-block:.25rem;text-align:start}
</style></head><body>${body}</body></html>`;
}

async function printPdf(html: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new DomainError('review.export_unavailable', `PDF needs Chromium at ${CHROMIUM_PATH}, which this server lacks; ask for format=html and print it from the browser.`);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  } finally {
    await browser.close();
  }
}

async function toDocx(blocks: readonly Block[], lang: UnLanguage): Promise<Buffer> {
  const rtl = lang === 'ar';
  const para = (children: TextRun[], heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ children, bidirectional: rtl, alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT, ...(heading ? { heading } : {}) });
  const run = (text: string, bold = false) => new TextRun({ text, bold, rightToLeft: rtl });
  const children = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return para([run(b.text, true)], HeadingLevel.TITLE);
      case 'banner':
        return para([run(b.text, true)]);
      case 'heading':
        return para([run(b.text, true)], HeadingLevel.HEADING_1);
      case 'question':
        return para([run(b.text, true)], HeadingLevel.HEADING_2);
      default:
        return para(b.label ? [run(`${b.label}: `, true), run(b.text)] : [run(b.text)]);
    }
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
