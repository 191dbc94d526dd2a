import { type Actor, operatorActor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { Rejection } from '../../core/imports/rejection.ts';
import type { Survey } from '../../core/surveys/survey.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { SurveyRepository } from './survey.repository.ts';
import type { SurveyView } from './survey-import.service.ts';

/** A city's surveys: the list, one with its job's progress, its rejected rows, and deleting one import. */
export class SurveyService {
  constructor(
    private readonly repo: SurveyRepository,
    private readonly cities: CityService,
    private readonly jobs: JobService,
    private readonly audit: AuditService,
  ) {}

  async list(citySlug: string): Promise<Survey[]> {
    const city = await this.cities.get(citySlug);
    return this.repo.list(city.id);
  }

  async get(citySlug: string, id: number): Promise<SurveyView> {
    const city = await this.cities.get(citySlug);
    const survey = await this.repo.get(city.id, id);
    if (!survey) throw notFound(id);
    const job = survey.jobId === null ? null : ((await this.jobs.repo.get(survey.jobId)) ?? null);
    return { survey, job };
  }

  async rejections(citySlug: string, id: number): Promise<Rejection[]> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.get(city.id, id))) throw notFound(id);
    return this.repo.rejections(city.id, id);
  }

  /** Deletes a survey import with its responses; indicators no longer count it. */
  async delete(citySlug: string, id: number, actor: Actor = operatorActor): Promise<void> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.delete(city.id, id))) throw notFound(id);
    await this.audit.record(actor, { action: 'survey.delete', target: { type: 'survey', id }, scope: { kind: 'city', id: city.slug } });
  }
}

function notFound(id: number): DomainError {
  return new DomainError('survey.not_found', `No survey ${id} in this city.`, { survey: id });
}
