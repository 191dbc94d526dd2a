import type { Kysely } from 'kysely';
import type { AccountService } from '../accounts/account.service.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { DB } from '../db/schema.ts';
import { type Mailer, noMailer } from '../mail/mailer.ts';
import { ChecklistService } from './checklist.service.ts';
import { DialogueRepository } from './dialogue.repository.ts';
import { DialogueService } from './dialogue.service.ts';
import { ReviewRepository } from './review.repository.ts';
import { ReviewService } from './review.service.ts';
import { ReviewMail } from './review-mail.service.ts';

export type ReviewServices = { cycles: ReviewService; checklists: ChecklistService; dialogue: DialogueService; mail: ReviewMail };

export function createReviewServices(
  db: Kysely<DB>,
  users: AccountService,
  audit: AuditService,
  settings: { publicUrl: string; mailer: Mailer } = { publicUrl: 'http://localhost:8080/', mailer: noMailer },
): { review: ReviewServices } {
  const repo = new ReviewRepository(db);
  const dialogueRepo = new DialogueRepository(db);
  const mail = new ReviewMail(dialogueRepo, settings.mailer, () => settings.publicUrl, audit);
  return {
    review: {
      cycles: new ReviewService(repo, dialogueRepo, users, audit),
      checklists: new ChecklistService(repo, audit, mail),
      dialogue: new DialogueService(dialogueRepo, repo, audit, mail),
      mail,
    },
  };
}
