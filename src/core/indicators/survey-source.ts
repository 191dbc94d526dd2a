/**
 * The seam between the indicator registry and the survey store: survey-based indicators (16.1.3, 16.1.4, 16.3.1,
 * 11.7.2, 5.2.1, 5.2.2, UMF safety indicators and a city's custom survey indicators) are computed by a
 * `SurveyIndicatorSource` from the stored responses, with design-based intervals.
 */

/** Keys an indicator can be broken down by. Record-based indicators use unit/time/sex/age; surveys add more. */
export type IndicatorBy = 'unit' | 'month' | 'quarter' | 'year' | 'sex' | 'age' | 'disability' | 'place';

export const indicatorByKeys: readonly IndicatorBy[] = ['unit', 'month', 'quarter', 'year', 'sex', 'age', 'disability', 'place'];

/** One value of an indicator for one combination of the `by` keys. */
export interface IndicatorRow {
  /** The breakdown: `unit` holds the unit's imported id, `month` `YYYY-MM`, `quarter` `YYYY-Qn`, `year` `YYYY`. */
  keys: Partial<Record<IndicatorBy, string>>;
  /** The estimate (a rate per 100,000 per year, or a share in percent); null when it cannot be computed. */
  value: number | null;
  /** 95% interval. */
  lower: number | null;
  upper: number | null;
  /** Counted (records) or weighted (survey) numerator and denominator. */
  numerator: number;
  denominator: number;
  /** Unweighted respondents behind a survey value. */
  respondents?: number;
  /** e.g. `few_respondents` when fewer than `minRespondents` stand behind the value. */
  flags: string[];
}

export interface SurveyIndicatorQuery {
  cityId: number;
  /** A built-in survey indicator code, or `custom` with `question`. */
  code: string;
  /** A custom indicator: the share of respondents whose answer to `question` is one of `choices`. */
  question?: { name: string; choices: string[] };
  by: IndicatorBy[];
  /** Inclusive whole days `YYYY-MM-DD` in the city's time zone (the interview date). */
  from?: string;
  to?: string;
  /** Values resting on fewer respondents carry the `few_respondents` flag. */
  minRespondents: number;
}

export interface SurveyIndicatorResult {
  rows: IndicatorRow[];
  /** Plain-language notes (counting rule, design used, surveys included). */
  notes: string[];
  /** The estimator, e.g. "weighted share, Taylor-linearised variance with strata and clusters". */
  method: string;
}

export interface SurveyIndicatorSource {
  compute(query: SurveyIndicatorQuery): Promise<SurveyIndicatorResult>;
}
