import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { redactPersonalData } from '../../core/community/personal-data.ts';
import type { ModerationAction, ModerationReport, ModerationState, ReportEvent } from '../../core/community/report.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { NewEvent, ReportUpdate, StoredReport } from './community.repository.ts';
import type { CommunityService } from './community.service.ts';

export type QueueItem = ModerationReport & { suggestedPublicDescription: string };

/**
 * The moderators' side (issue 7): the queue, approve (with the moderated text), redact, hide, merge duplicates,
 * forward to a department, answer publicly, and statuses with their dates. Every action is audited (fields only).
 * A report whose text was flagged for personal data is approved only with a moderated text.
 */
export class ModerationService {
  /** Called after any change that public outputs show (the public map's cache listens). */
  onChange: (slug: string) => void = () => {};

  constructor(
    private readonly community: CommunityService,
    private readonly audit: AuditService,
  ) {}

  async queue(slug: string, moderation: ModerationState | undefined, limit: number): Promise<QueueItem[]> {
    const { city } = await this.community.context(slug);
    const rows = await this.community.repo.queue(city.id, moderation, limit);
    return rows.map(toItem);
  }

  async get(slug: string, id: string): Promise<{ report: QueueItem; events: ReportEvent[] }> {
    const { city } = await this.community.context(slug);
    const report = await this.find(city.id, id);
    return { report: toItem(report), events: await this.community.repo.events(city.id, report.rowId, false) };
  }

  /** The exact point and the contact of a report: for moderators, and every read is audited. */
  async privateDetails(slug: string, id: string, actor: Actor) {
    const { city } = await this.community.context(slug);
    const report = await this.find(city.id, id);
    const details = await this.community.repo.privateDetails(city.id, report.rowId);
    await this.audit.record(actor, {
      action: 'community.read_private',
      target: { type: 'community_report', id },
      scope: { kind: 'city', id: slug },
      fields: ['exact_point', 'contact'],
    });
    return details;
  }

  async photo(slug: string, id: string, n: number) {
    const { city } = await this.community.context(slug);
    const report = await this.find(city.id, id);
    const photos = await this.community.repo.photos(city.id, report.rowId);
    const p = photos[n];
    if (!p) throw new DomainError('not_found', `Report ${id} has no photo ${n}.`);
    return p;
  }

  async act(slug: string, id: string, action: ModerationAction, actor: Actor): Promise<{ report: QueueItem; events: ReportEvent[] }> {
    const { city } = await this.community.context(slug);
    const report = await this.find(city.id, id);
    const by = actorLabel(actor);
    const { change, event } = await this.plan(city.id, report, action, by);
    await this.community.repo.update(city.id, report.rowId, change, event);
    await this.audit.record(actor, {
      action: 'community.moderate',
      target: { type: 'community_report', id },
      scope: { kind: 'city', id: slug },
      fields: [action.action, ...Object.keys(change)],
    });
    this.onChange(slug);
    return this.get(slug, id);
  }

  private async plan(cityId: number, report: StoredReport, action: ModerationAction, actor: string): Promise<{ change: ReportUpdate; event: NewEvent }> {
    switch (action.action) {
      case 'approve': {
        const text = action.publicDescription ?? report.publicDescription ?? (report.flags.length === 0 ? report.description : undefined);
        if (text === undefined) {
          throw new DomainError('validation', 'The text was flagged for personal data: give the moderated text in publicDescription.', {
            field: 'publicDescription',
          });
        }
        const change: ReportUpdate = { moderation: 'approved', publicDescription: text };
        if (report.status === 'received') change.status = 'acknowledged';
        return { change, event: { kind: 'approve', public: true, ...(change.status ? { status: change.status } : {}), actor } };
      }
      case 'redact':
        return { change: { publicDescription: action.publicDescription }, event: { kind: 'redact', public: false, actor } };
      case 'hide':
        return { change: { moderation: 'hidden' }, event: { kind: 'hide', public: false, ...(action.reason ? { body: action.reason } : {}), actor } };
      case 'merge': {
        if (action.into === report.id) throw new DomainError('validation', 'A report cannot be merged into itself.', { field: 'into' });
        const kept = await this.find(cityId, action.into);
        return { change: { moderation: 'merged', mergedInto: kept.rowId }, event: { kind: 'merge', public: true, body: kept.id, actor } };
      }
      case 'forward':
        return {
          change: { department: action.department, ...(report.status === 'received' || report.status === 'acknowledged' ? { status: 'in_progress' as const } : {}) },
          event: { kind: 'forward', public: true, department: action.department, status: 'in_progress', actor },
        };
      case 'answer':
        return { change: {}, event: { kind: 'answer', public: true, body: action.body, actor } };
      case 'status':
        return {
          change: { status: action.status },
          event: { kind: 'status', public: true, status: action.status, ...(action.body ? { body: action.body } : {}), actor },
        };
      default: {
        const unreachable: never = action;
        throw new Error(`Unknown action ${String(unreachable)}`);
      }
    }
  }

  private async find(cityId: number, id: string): Promise<StoredReport> {
    const report = await this.community.repo.byPublicId(cityId, id);
    if (!report) throw new DomainError('community.report_not_found', `No report ${id}.`, { id });
    return report;
  }
}

function toItem(r: StoredReport): QueueItem {
  const { rowId: _row, requestHash: _hash, followTokenHash: _follow, ...report } = r;
  return { ...report, suggestedPublicDescription: redactPersonalData(r.description) };
}
