import type { SurveyIndicatorQuery, SurveyIndicatorResult, SurveyIndicatorSource } from '../../core/indicators/survey-source.ts';

/** The survey source of a platform without survey data: every survey indicator answers no rows, and says why. */
export class NoSurveySource implements SurveyIndicatorSource {
  async compute(query: SurveyIndicatorQuery): Promise<SurveyIndicatorResult> {
    return {
      rows: [],
      notes: [`No survey data is available for this city: indicator ${query.code} is computed from survey responses, and none are stored.`],
      method: 'none (no survey data)',
    };
  }
}
