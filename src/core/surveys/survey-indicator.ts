import { ageBands, sexes } from '../incidents/demographics.ts';
import type { IndicatorBy, IndicatorRow, SurveyIndicatorQuery, SurveyIndicatorResult } from '../indicators/survey-source.ts';
import { estimateShares, type SampleDesign } from './design-estimate.ts';
import { type SurveyOutcome, surveyOutcomes } from './respondent.ts';
import { type ColumnMeta, type ColumnName, dayString, disabilityCodes, NO_DATE, readColumn } from './survey-columns.ts';
import { placeCodes } from './survey-mapping.ts';

/** One stored survey as the indicator needs it: its dictionaries and the columns the query asked for. */
export type SurveyPart = { surveyId: number; name: string; meta: ColumnMeta; columns: Map<string, Uint8Array> };

export const surveyIndicatorCodes: readonly string[] = [...surveyOutcomes, 'custom'];

const countingRules: Record<SurveyOutcome, string> = {
  '16.1.3':
    'Respondents who answered yes to any mapped item of physical, psychological or sexual violence in the last 12 months, over respondents who answered yes to one or answered all of them.',
  '16.1.4':
    'Respondents feeling very safe or safe walking alone in their area after dark, over all respondents who answered; "never go out alone at night" and "don\'t know" stay in the denominator.',
  '16.3.1':
    'Counting rule: of the respondents who were victims of physical, psychological or sexual violence in the last 12 months (the 16.1.3 numerator) and answered the reporting question, the share who reported it to the police; each victim counts once, whatever the number of incidents.',
  '11.7.2':
    'Respondents who answered yes to physical or sexual harassment in the last 12 months, over respondents who answered; by place, the numerator is those harassed at that place (a person harassed in several places counts in each) over the same denominator.',
  '5.2.1':
    'Women aged 15 or more (ever-partnered, where the survey asks) subjected to violence by a current or former intimate partner in the last 12 months, over those who answered.',
  '5.2.2': 'Women aged 15 or more subjected to sexual violence by a person other than an intimate partner in the last 12 months, over those who answered.',
};

/** Columns a query needs (the repository reads nothing else). */
export function columnsFor(query: Pick<SurveyIndicatorQuery, 'code' | 'question' | 'by' | 'from' | 'to'>): ColumnName[] {
  const out = new Set<ColumnName>(['weight', 'stratum', 'psu']);
  if (query.from || query.to || query.by.some((b) => b === 'month' || b === 'quarter' || b === 'year')) out.add('date');
  for (const b of query.by) if (b === 'sex' || b === 'age' || b === 'disability' || b === 'unit') out.add(b);
  if (query.code === 'custom') out.add(`q:${query.question?.name ?? ''}`);
  else out.add(`outcome:${query.code as SurveyOutcome}`);
  if (query.by.includes('place')) out.add('places');
  return [...out];
}

function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Computes a survey indicator over the city's surveys (each its own design: strata and PSUs kept apart). */
export function computeSurveyIndicator(parts: readonly SurveyPart[], query: SurveyIndicatorQuery): SurveyIndicatorResult {
  const notes: string[] = [];
  const custom = query.code === 'custom';
  if (!custom) notes.push(countingRules[query.code as SurveyOutcome]);
  const usable = parts.filter((p) => (custom ? p.columns.has(`q:${query.question?.name}`) : p.columns.has(`outcome:${query.code}`)));
  const n = usable.reduce((s, p) => s + p.meta.respondents, 0);
  const weight = new Float64Array(n);
  const stratum = new Int32Array(n);
  const psu = new Int32Array(n);
  const y = new Uint8Array(n);
  const d = new Uint8Array(n);
  const places = query.by.includes('place') ? new Uint16Array(n) : null;
  const from = query.from ? dayNumber(query.from) : null;
  const to = query.to ? dayNumber(query.to) : null;
  const byKeys = query.by.filter((b): b is Exclude<IndicatorBy, 'place'> => b !== 'place');
  // Each key's value per respondent as a code into that key's labels; -1 marks a respondent outside every domain.
  const codes = byKeys.map(() => new Int32Array(n));
  const labels: string[][] = byKeys.map((b) =>
    b === 'sex' ? [...sexes] : b === 'age' ? [...ageBands] : b === 'disability' ? [...disabilityCodes] : [],
  );
  const labelIndex = byKeys.map(() => new Map<string, number>());
  const codeOf = (k: number, label: string): number => {
    let c = labelIndex[k]!.get(label);
    if (c === undefined) {
      c = labels[k]!.length;
      labels[k]!.push(label);
      labelIndex[k]!.set(label, c);
    }
    return c;
  };
  const outside = new Uint8Array(n);
  let offset = 0;
  let strataOffset = 0;
  let psuOffset = 0;
  for (const part of usable) {
    const m = part.meta;
    const col = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array>(
      name: ColumnName,
      Type: { new (buffer: ArrayBuffer, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number },
    ) => readColumn(part.columns.get(name)!, Type);
    const w = col('weight', Float64Array);
    const st = col('stratum', Int32Array);
    const ps = col('psu', Int32Array);
    const date = part.columns.has('date') ? col('date', Int32Array) : null;
    const pl = places ? col('places', Uint16Array) : null;
    let outcome: Int8Array | null = null;
    let answers: Uint32Array | null = null;
    let choiceMask = 0;
    if (custom) {
      answers = col(`q:${query.question!.name}`, Uint32Array);
      const q = m.questions.find((x) => x.path === query.question!.name)!;
      for (const c of query.question!.choices) if (q.choices.includes(c)) choiceMask |= 1 << q.choices.indexOf(c);
    } else outcome = col(`outcome:${query.code}` as ColumnName, Int8Array);
    for (let i = 0; i < m.respondents; i++) {
      const k = offset + i;
      weight[k] = w[i]!;
      stratum[k] = strataOffset + st[i]!;
      psu[k] = psuOffset + ps[i]!;
      if (outcome) {
        d[k] = outcome[i]! >= 0 ? 1 : 0;
        y[k] = outcome[i] === 1 ? 1 : 0;
      } else {
        d[k] = answers![i] !== 0 ? 1 : 0;
        y[k] = (answers![i]! & choiceMask) !== 0 ? 1 : 0;
      }
      if (pl) places![k] = pl[i]!;
      if (from !== null || to !== null) {
        const day = date![i]!;
        if (day === NO_DATE || (from !== null && day < from) || (to !== null && day > to)) outside[k] = 1;
      }
    }
    for (const [j, b] of byKeys.entries()) {
      const out = codes[j]!;
      switch (b) {
        case 'sex':
        case 'age':
        case 'disability': {
          const c = col(b, Uint8Array);
          for (let i = 0; i < m.respondents; i++) out[offset + i] = c[i]!;
          break;
        }
        case 'unit': {
          const c = col('unit', Int32Array);
          const global = m.units.map((u) => codeOf(j, u));
          const unknown = codeOf(j, 'unknown');
          for (let i = 0; i < m.respondents; i++) out[offset + i] = c[i]! >= 0 ? global[c[i]!]! : unknown;
          break;
        }
        case 'year':
        case 'quarter':
        case 'month': {
          const c = col('date', Int32Array);
          const byDay = new Map<number, number>();
          for (let i = 0; i < m.respondents; i++) {
            const day = c[i]!;
            let code = byDay.get(day);
            if (code === undefined) {
              const text = day === NO_DATE ? 'unknown' : dayString(day);
              const label =
                text === 'unknown'
                  ? text
                  : b === 'year'
                    ? text.slice(0, 4)
                    : b === 'month'
                      ? text.slice(0, 7)
                      : `${text.slice(0, 4)}-Q${Math.floor((Number(text.slice(5, 7)) - 1) / 3) + 1}`;
              code = codeOf(j, label);
              byDay.set(day, code);
            }
            out[offset + i] = code;
          }
          break;
        }
        default: {
          const never: never = b;
          throw new Error(`unknown key ${String(never)}`);
        }
      }
    }
    offset += m.respondents;
    strataOffset += m.strata.length;
    psuOffset += m.psus;
  }
  // Domains: the combinations of codes that occur, numbered in order of first appearance.
  const domainKeys: string[][] = [];
  const domain = new Int32Array(n);
  // Combination number → domain: a dense table when the combinations are few enough, else a map.
  const combinations = labels.reduce((p, l) => p * Math.max(1, l.length), 1);
  const table = combinations <= 1_000_000 ? new Int32Array(combinations).fill(-1) : null;
  const seen = table ? null : new Map<number, number>();
  for (let k = 0; k < n; k++) {
    if (outside[k]) {
      domain[k] = -1;
      continue;
    }
    let key = 0;
    for (let j = 0; j < byKeys.length; j++) key = key * labels[j]!.length + codes[j]![k]!;
    let g = table ? table[key]! : (seen!.get(key) ?? -1);
    if (g === -1) {
      g = domainKeys.length;
      if (table) table[key] = g;
      else seen!.set(key, g);
      domainKeys.push(byKeys.map((_, j) => labels[j]![codes[j]![k]!]!));
    }
    domain[k] = g;
  }
  const design: SampleDesign = { weight, stratum, psu };
  const rows: IndicatorRow[] = [];
  const toRow = (keys: string[], place: string | null, e: ReturnType<typeof estimateShares>[number]): IndicatorRow => {
    const rowKeys: Partial<Record<IndicatorBy, string>> = {};
    byKeys.forEach((b, i) => {
      rowKeys[b] = keys[i]!;
    });
    if (place !== null) rowKeys.place = place;
    const pct = (v: number | null) => (v === null ? null : Math.min(100, Math.max(0, v * 100)));
    return {
      keys: rowKeys,
      value: e.share === null ? null : e.share * 100,
      lower: pct(e.lower),
      upper: pct(e.upper),
      numerator: e.numerator,
      denominator: e.denominator,
      respondents: e.respondents,
      flags: e.respondents < query.minRespondents ? ['few_respondents'] : [],
    };
  };
  if (places) {
    for (const [bit, code] of placeCodes.entries()) {
      const yp = new Uint8Array(n);
      for (let i = 0; i < n; i++) yp[i] = y[i] === 1 && (places[i]! & (1 << bit)) !== 0 ? 1 : 0;
      const est = estimateShares({ design, y: yp, d, domain, domainCount: domainKeys.length });
      for (const [g, e] of est.entries()) rows.push(toRow(domainKeys[g]!, code, e));
    }
  } else {
    const est = estimateShares({ design, y, d, domain, domainCount: domainKeys.length });
    for (const [g, e] of est.entries()) rows.push(toRow(domainKeys[g]!, null, e));
  }
  const keyOf = (r: IndicatorRow) => query.by.map((b) => r.keys[b] ?? '').join('\u0000');
  rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const stratified = usable.some((p) => p.meta.stratified);
  const clustered = usable.some((p) => p.meta.clustered);
  const design_ = [stratified ? 'strata' : null, clustered ? 'clusters' : null].filter(Boolean).join(' and ');
  notes.push(
    `${usable.length} survey${usable.length === 1 ? '' : 's'} (${usable.map((p) => p.name).join(', ') || 'none'}), ${n} respondents; each survey keeps its own strata and clusters.`,
    'Shares in percent; 95% intervals estimate ± 1.96 standard errors (as R survey confint(svyratio)), clamped to 0–100; PSUs taken as drawn with replacement; a stratum with one PSU adds no variance.',
    `Values resting on fewer than ${query.minRespondents} respondents carry the few_respondents flag.`,
  );
  if (query.from || query.to) notes.push('Respondents interviewed outside the dates, or without a date, are outside every domain but stay in the design.');
  return {
    rows,
    notes,
    method: `weighted share (ratio estimator), Taylor-linearised variance${design_ ? ` with ${design_}` : ''}`,
  };
}
