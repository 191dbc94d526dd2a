import { type Actor, actorLabel } from '../../core/audit/audit-entry.ts';
import { stateName } from '../../core/reference/states.ts';
import { type Confidentiality, canRead, type ReviewSide } from '../../core/review/confidentiality.ts';
import type { Participation } from '../../core/review/cycle.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { mailText } from '../mail/mail-messages.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { DialogueRepository } from './dialogue.repository.ts';

export type ReviewEvent = 'submitted' | 'cleared' | 'message';
export const MAIL_MODES = ['immediate', 'digest', 'none'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

/**
 * Mail about a review: who may read what happened is told that it happened (never its content), at once or in a
 * daily digest (the `review.mail_digest` job) as each person chooses. A mail that cannot go out waits for the digest.
 */
export class ReviewMail {
  constructor(
    private readonly repo: DialogueRepository,
    private readonly mailer: Mailer,
    private readonly publicUrl: () => string,
    private readonly audit: AuditService,
  ) {}

  async notify(review: Participation, event: ReviewEvent, level: Confidentiality, actor: Actor): Promise<void> {
    const sides: [ReviewSide, { role: string; scopeId: string }[]][] = [
      [
        'state',
        [
          { role: 'country:focal_point', scopeId: review.country },
          { role: 'country:expert', scopeId: review.country },
        ],
      ],
      ['reviewer', [{ role: 'review:peer_reviewer', scopeId: review.reviewId }]],
      ['secretariat', [{ role: 'platform:secretariat', scopeId: '' }]],
    ];
    // A submission waits for the focal points' clearance: they are the ones told.
    const wanted = event === 'submitted' ? [{ role: 'country:focal_point', scopeId: review.country }] : sides.filter(([side]) => canRead(level, side)).flatMap(([, g]) => g);
    const self = actorLabel(actor);
    for (const r of await this.repo.recipients(wanted)) {
      if (`user:${r.userId}` === self || r.mode === 'none') continue;
      let sent = false;
      if (r.mode === 'immediate' && this.mailer.configured) {
        sent = await this.mailer
          .send({ to: r.email, ...this.compose(review, [{ kind: event }]) })
          .then(() => true)
          .catch(() => false);
      }
      await this.repo.queueNotification(r.userId, review.reviewId, event, sent);
    }
  }

  private compose(review: Pick<Participation, 'reviewId' | 'country' | 'language'>, items: { kind: string }[]): { subject: string; text: string } {
    const lang = review.language;
    const state = stateName(review.country, lang) ?? review.country;
    const link = new URL(`/review/reviews/${review.reviewId}`, this.publicUrl()).toString();
    const lines = items.map((i) => mailText(lang, `mail.review.${i.kind}`, { state, review: review.reviewId }));
    return {
      subject: mailText(lang, 'mail.review.subject', { state, review: review.reviewId }),
      text: `${lines.join('\n')}\n\n${mailText(lang, 'mail.review.sign_in', { link })}\n`,
    };
  }

  async setMode(userId: number, mode: MailMode, actor: Actor): Promise<void> {
    await this.repo.setMailMode(userId, mode);
    await this.audit.record(actor, { action: 'review.mail_preference', target: { type: 'user', id: userId }, fields: ['mode'] });
  }

  mode(userId: number): Promise<string> {
    return this.repo.mailMode(userId);
  }

  /** Sends each person one mail listing what waits for them; returns how many mails went out. */
  async sendDigests(): Promise<number> {
    if (!this.mailer.configured) return 0;
    let sent = 0;
    for (const person of await this.repo.pendingDigests()) {
      const reviewId = person.items[0]!.reviewId;
      const country = reviewId.slice(reviewId.lastIndexOf('-') + 1).toUpperCase();
      const mail = this.compose({ reviewId, country, language: 'en' }, person.items);
      const lines = person.items.map((i) => `- ${i.reviewId}: ${mailText('en', `mail.review.${i.kind}`, { state: stateName(i.reviewId.slice(-3).toUpperCase(), 'en') ?? '', review: i.reviewId })}`);
      await this.mailer.send({ to: person.email, subject: mailText('en', 'mail.review.digest_subject', { count: String(person.items.length) }), text: `${lines.join('\n')}\n\n${mail.text.split('\n').at(-2) ?? ''}\n` });
      await this.repo.markSent(person.items.map((i) => i.id));
      sent++;
    }
    return sent;
  }
}
