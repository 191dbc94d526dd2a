import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.ts';
import type { DB } from '../db/schema.ts';
import { AssistanceService } from './assistance.service.ts';
import { BudgetService } from './budget.service.ts';
import { DialogueRepository } from './dialogue.repository.ts';
import { FollowUpService } from './follow-up.service.ts';
import { IrgService } from './irg.service.ts';
import { ReportService } from './report.service.ts';
import { ReviewRepository } from './review.repository.ts';
import { ReviewReportsRepository } from './review-reports.repository.ts';

export type ReviewReportServices = { reports: ReportService; irg: IrgService; followUp: FollowUpService; assistance: AssistanceService; budget: BudgetService };

/** The review mechanism's reports, Review Group, follow-up, technical assistance and budget. */
export function createReviewReportServices(db: Kysely<DB>, audit: AuditService): { reviewReports: ReviewReportServices } {
  const repo = new ReviewReportsRepository(db);
  const reviews = new ReviewRepository(db);
  const dialogue = new DialogueRepository(db);
  return {
    reviewReports: {
      reports: new ReportService(repo, reviews, dialogue, audit),
      irg: new IrgService(repo, audit),
      followUp: new FollowUpService(repo, reviews, dialogue, audit),
      assistance: new AssistanceService(repo, reviews, audit),
      budget: new BudgetService(repo, audit),
    },
  };
}
