import { DomainError } from '../../core/errors.ts';
import type { SurveyIndicatorQuery, SurveyIndicatorResult, SurveyIndicatorSource } from '../../core/indicators/survey-source.ts';
import { columnsFor, computeSurveyIndicator, type SurveyPart, surveyIndicatorCodes } from '../../core/surveys/survey-indicator.ts';
import type { SurveyRepository } from './survey.repository.ts';

/** Columns kept in memory (decoded), oldest dropped first; about 1 MB per column of 50,000 responses at most. */
const CACHED_COLUMNS = 128;

/**
 * Survey-based indicators from the stored response columns (the seam `SurveyIndicatorSource`). Decoded columns are
 * kept in memory by (survey, completion time, column): a survey's columns never change once it is complete, a
 * deleted survey is no longer listed, so a cached column is never stale.
 */
export class SurveyIndicatorService implements SurveyIndicatorSource {
  private readonly cache = new Map<string, Uint8Array>();

  constructor(
    private readonly repo: SurveyRepository,
    private readonly cacheColumns = CACHED_COLUMNS,
  ) {}

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
    const parts = await this.parts(query.cityId, columnsFor(query));
    if (parts.length === 0) {
      return {
        rows: [],
        notes: [`No survey data is available for this city: indicator ${query.code} is computed from survey responses, and none are stored.`],
        method: 'none (no survey data)',
      };
    }
    if (query.code === 'custom' && parts.length > 0 && !parts.some((p) => p.meta.questions.some((q) => q.path === query.question!.name))) {
      throw new DomainError('survey.unknown_question', `No imported survey of this city has a select question "${query.question!.name}".`, {
        field: 'question',
      });
    }
    return computeSurveyIndicator(parts, query);
  }

  private async parts(cityId: number, names: readonly string[]): Promise<SurveyPart[]> {
    const surveys = await this.repo.completeSurveys(cityId);
    const key = (s: { id: number; completedAt: string }, name: string) => `${cityId}/${s.id}/${s.completedAt}/${name}`;
    const missing = surveys.filter((s) => names.some((n) => !this.cache.has(key(s, n))));
    const read = missing.length
      ? await this.repo.columns(
          cityId,
          missing.map((s) => s.id),
          names,
        )
      : new Map<number, Map<string, Uint8Array>>();
    return surveys.map((s) => {
      const columns = new Map<string, Uint8Array>();
      for (const n of names) {
        const bytes = this.cache.get(key(s, n)) ?? read.get(s.id)?.get(n);
        if (!bytes) continue;
        columns.set(n, bytes);
        this.remember(key(s, n), bytes);
      }
      return { surveyId: s.id, name: s.name, meta: s.meta, columns };
    });
  }

  private remember(key: string, bytes: Uint8Array): void {
    this.cache.delete(key);
    this.cache.set(key, bytes);
    while (this.cache.size > this.cacheColumns) this.cache.delete(this.cache.keys().next().value!);
  }
}
