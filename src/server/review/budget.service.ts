import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { BudgetLine, Contribution, ReviewReportsRepository, Spending } from './review-reports.repository.ts';

export type BudgetView = { lines: (BudgetLine & { spent: number })[]; contributions: Contribution[]; spending: Spending[] };

/** The mechanism's biennial budget, its unconditional voluntary contributions, and spending against its lines. */
export class BudgetService {
  constructor(
    private readonly repo: ReviewReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async view(): Promise<BudgetView> {
    const spending = await this.repo.spending();
    const lines = (await this.repo.lines()).map((l) => ({ ...l, spent: spending.filter((s) => s.lineId === l.id).reduce((sum, s) => sum + s.amount, 0) }));
    return { lines, contributions: await this.repo.contributions(), spending };
  }

  async addLine(l: Omit<BudgetLine, 'id'>, actor: Actor): Promise<BudgetView> {
    const id = await this.repo.insertLine(l, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.budget_line_create', target: { type: 'budget_line', id } });
    return this.view();
  }

  async addContribution(c: Omit<Contribution, 'id'>, actor: Actor): Promise<BudgetView> {
    const id = await this.repo.insertContribution(c, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.contribution_record', target: { type: 'contribution', id } });
    return this.view();
  }

  async addSpending(s: Omit<Spending, 'id'>, actor: Actor): Promise<BudgetView> {
    if (!(await this.repo.lines()).some((l) => l.id === s.lineId)) throw new DomainError('review.item_not_found', `No budget line ${s.lineId}.`);
    const id = await this.repo.insertSpending(s, actorLabel(actor));
    await this.audit.record(actor, { action: 'review.spending_record', target: { type: 'spending', id } });
    return this.view();
  }
}
