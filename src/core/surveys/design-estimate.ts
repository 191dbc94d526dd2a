/**
 * Design-based estimation of shares from a survey sample: the weighted ratio estimator Σwy / Σwd with its
 * Taylor-linearised variance for a stratified, clustered design, PSUs treated as drawn with replacement within
 * strata — what R `survey` computes for `svyratio(~y, ~d, svydesign(ids = ~cluster, strata = ~stratum,
 * weights = ~w, nest = TRUE))`. Golden values: test/fixtures/survey/golden.json (make-golden.R).
 *
 * - Domains (sex, unit, age band, date range …) are estimated in the full design: a respondent outside a domain
 *   contributes zero, and each stratum keeps all its PSUs in n_h (R's default, `survey.adjust.domain.lonely = FALSE`).
 * - A stratum with a single PSU adds nothing to the variance (R `options(survey.lonely.psu = "remove")`).
 * - 95% interval: estimate ± z₀.₉₇₅ · SE with the normal quantile, as `confint(svyratio(...))` and
 *   `confint(svymean(...))` give it; the interval is not clamped here.
 */

/** z such that P(Z ≤ z) = 0.975 for a standard normal Z (R: `qnorm(0.975)`). */
export const Z_975 = 1.959963984540054;

/** The sample design, one entry per respondent. Missing strata or clusters: one stratum, each respondent its own PSU. */
export interface SampleDesign {
  weight: Float64Array;
  /** Stratum index per respondent (0-based, dense). */
  stratum: Int32Array;
  /** PSU index per respondent (0-based, dense, unique across strata: a cluster label is nested in its stratum). */
  psu: Int32Array;
}

export interface ShareInput {
  design: SampleDesign;
  /** 1 where the respondent counts in the numerator (only read where `d` is 1). */
  y: Uint8Array;
  /** 1 where the respondent counts in the denominator (answered the question, belongs to the population). */
  d: Uint8Array;
  /** Domain index per respondent, -1 for none (outside the date range, unknown key …). */
  domain: Int32Array;
  domainCount: number;
}

export interface ShareEstimate {
  /** The share in [0, 1]; null without a weighted denominator. */
  share: number | null;
  se: number | null;
  lower: number | null;
  upper: number | null;
  /** Weighted numerator and denominator. */
  numerator: number;
  denominator: number;
  /** Unweighted respondents in the denominator. */
  respondents: number;
}

/** Builds dense stratum and PSU indices from labels (clusters nested in strata); absent labels give the defaults. */
export function sampleDesign(
  n: number,
  weight: ArrayLike<number> | null,
  strata: ArrayLike<string | null> | null,
  clusters: ArrayLike<string | null> | null,
): SampleDesign {
  const w = new Float64Array(n);
  const stratum = new Int32Array(n);
  const psu = new Int32Array(n);
  const strataIds = new Map<string, number>();
  const psuIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    w[i] = weight ? weight[i]! : 1;
    const s = strata ? (strata[i] ?? '') : '';
    let h = strataIds.get(s);
    if (h === undefined) {
      h = strataIds.size;
      strataIds.set(s, h);
    }
    stratum[i] = h;
    if (clusters) {
      const key = `${h}\u0000${clusters[i] ?? ''}`;
      let p = psuIds.get(key);
      if (p === undefined) {
        p = psuIds.size;
        psuIds.set(key, p);
      }
      psu[i] = p;
    } else {
      psu[i] = i;
    }
  }
  return { weight: w, stratum, psu };
}

/** PSUs per stratum and the stratum of each PSU, counted over the whole sample. */
function psuLayout(design: SampleDesign): { psuStratum: Int32Array; psusIn: Int32Array } {
  let psuCount = 0;
  let strataCount = 0;
  for (let i = 0; i < design.psu.length; i++) {
    if (design.psu[i]! + 1 > psuCount) psuCount = design.psu[i]! + 1;
    if (design.stratum[i]! + 1 > strataCount) strataCount = design.stratum[i]! + 1;
  }
  const psuStratum = new Int32Array(psuCount).fill(-1);
  const psusIn = new Int32Array(strataCount);
  for (let i = 0; i < design.psu.length; i++) {
    const p = design.psu[i]!;
    if (psuStratum[p] === -1) {
      psuStratum[p] = design.stratum[i]!;
      psusIn[design.stratum[i]!]!++;
    }
  }
  return { psuStratum, psusIn };
}

/** Design degrees of freedom: PSUs minus strata (R `degf`). */
export function designDf(design: SampleDesign): number {
  const { psuStratum, psusIn } = psuLayout(design);
  return psuStratum.length - psusIn.length;
}

/** Estimates the share in every domain at once. */
export function estimateShares(input: ShareInput): ShareEstimate[] {
  const { design, y, d, domain, domainCount } = input;
  const n = design.weight.length;
  const num = new Float64Array(domainCount);
  const den = new Float64Array(domainCount);
  const count = new Int32Array(domainCount);
  for (let i = 0; i < n; i++) {
    const g = domain[i]!;
    if (g < 0 || d[i] !== 1) continue;
    const w = design.weight[i]!;
    den[g]! += w;
    count[g]!++;
    if (y[i] === 1) num[g]! += w;
  }
  const { psuStratum, psusIn } = psuLayout(design);
  const psuCount = psuStratum.length;
  // Linearised values z_i = w_i (y_i − R d_i) / D summed per (domain, PSU): a dense array when it is small enough,
  // else a map of the (domain, PSU) pairs that occur.
  const ratio = new Float64Array(domainCount);
  for (let g = 0; g < domainCount; g++) ratio[g] = den[g]! > 0 ? num[g]! / den[g]! : 0;
  const dense = domainCount * psuCount <= 8_000_000;
  const zDense = dense ? new Float64Array(domainCount * psuCount) : null;
  const zSparse = dense ? null : new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const g = domain[i]!;
    if (g < 0 || d[i] !== 1 || den[g] === 0) continue;
    const zi = (design.weight[i]! * ((y[i] === 1 ? 1 : 0) - ratio[g]!)) / den[g]!;
    const key = g * psuCount + design.psu[i]!;
    if (zDense) zDense[key]! += zi;
    else zSparse!.set(key, (zSparse!.get(key) ?? 0) + zi);
  }
  // Per (domain, stratum): Σz and Σz² over its PSUs (PSUs without members contribute zero to both).
  const strataCount = psusIn.length;
  const s1 = new Float64Array(domainCount * strataCount);
  const s2 = new Float64Array(domainCount * strataCount);
  const add = (key: number, value: number) => {
    const g = Math.floor(key / psuCount);
    const h = psuStratum[key - g * psuCount]!;
    s1[g * strataCount + h]! += value;
    s2[g * strataCount + h]! += value * value;
  };
  if (zDense) {
    for (let g = 0, key = 0; g < domainCount; g++) {
      const row = g * strataCount;
      for (let p = 0; p < psuCount; p++, key++) {
        const value = zDense[key]!;
        if (value === 0) continue;
        const h = row + psuStratum[p]!;
        s1[h]! += value;
        s2[h]! += value * value;
      }
    }
  } else for (const [key, value] of zSparse!) add(key, value);
  const out: ShareEstimate[] = [];
  for (let g = 0; g < domainCount; g++) {
    if (den[g] === 0) {
      out.push({ share: null, se: null, lower: null, upper: null, numerator: num[g]!, denominator: den[g]!, respondents: count[g]! });
      continue;
    }
    let variance = 0;
    for (let h = 0; h < strataCount; h++) {
      const nh = psusIn[h]!;
      if (nh < 2) continue; // lonely PSU: removed
      const a = s1[g * strataCount + h]!;
      const b = s2[g * strataCount + h]!;
      variance += (nh / (nh - 1)) * Math.max(0, b - (a * a) / nh);
    }
    const share = num[g]! / den[g]!;
    const se = Math.sqrt(variance);
    out.push({
      share,
      se,
      lower: share - Z_975 * se,
      upper: share + Z_975 * se,
      numerator: num[g]!,
      denominator: den[g]!,
      respondents: count[g]!,
    });
  }
  return out;
}
