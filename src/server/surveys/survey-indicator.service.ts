import { DomainError } from '../../core/errors.ts';
import type { SurveyIndicatorQuery, SurveyIndicatorResult, SurveyIndicatorSource } from '../../core/indicators/survey-source.ts';
import { columnsFor, computeSurveyIndicator, surveyIndicatorCodes } from '../../core/surveys/survey-indicator.ts';
import type { SurveyRepository } from './survey.repository.ts';

/** Survey-based indicators from the stored response columns (the seam `SurveyIndicatorSource`). */
export class SurveyIndicatorService implements SurveyIndicatorSource {
  constructor(private readonly repo: SurveyRepository) {}

  async compute(query: SurveyIndicatorQuery): Promise<SurveyIndicatorResult> {
    if (!surveyIndicatorCodes.includes(query.code)) {
      throw new DomainError('validation', `${query.code} is not a survey indicator (${surveyIndicatorCodes.join(', ')}).`, { field: 'code' });
    }
    if (query.code === 'custom') {
      if (!query.question?.name || query.question.choices.length === 0) {
        throw new DomainError('validation', 'A custom survey indicator needs a question and at least one choice.', { field: 'question' });
      }
    }
    if (query.by.includes('place') && query.code !== '11.7.2') {
      throw new DomainError('validation', 'Only 11.7.2 breaks down by place of occurrence.', { field: 'by' });
    }
    const parts = await this.repo.parts(query.cityId, columnsFor(query));
    if (query.code === 'custom' && parts.length > 0 && !parts.some((p) => p.meta.questions.some((q) => q.path === query.question!.name))) {
      throw new DomainError('survey.unknown_question', `No imported survey of this city has a select question "${query.question!.name}".`, {
        field: 'question',
      });
    }
    return computeSurveyIndicator(parts, query);
  }
}
