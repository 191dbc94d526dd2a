import { passwordResetTtlMs, signInThrottle } from '../../core/accounts/session-policy.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { mailText } from '../mail/mail-messages.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { OneTimeLinkService } from './one-time-link.service.ts';
import { assertAcceptablePassword, hashPassword } from './password.ts';
import { sha256Hex } from './secrets.ts';
import type { SessionRepository } from './session.repository.ts';
import type { ThrottleRepository } from './throttle.repository.ts';
import type { UserRepository } from './user.repository.ts';

/**
 * Password reset by mail: a single-use link valid for an hour. Asking for one answers the same whether or not the
 * address has an account, so it reveals nothing; a new request revokes the older links of that address.
 */
export class PasswordResetService {
  constructor(
    private readonly links: OneTimeLinkService,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: ThrottleRepository,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async request(email: string, language: UnLanguage): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (user?.status !== 'active') return;
    // At most three mails per account in 15 minutes, so the form cannot be used to flood someone's mailbox.
    const key = `reset:${sha256Hex(email)}`;
    const now = this.now();
    const since = new Date(now.getTime() - signInThrottle.windowMs);
    if (((await this.throttle.failuresSince([key], since)).get(key)?.length ?? 0) >= 3) return;
    await this.throttle.record([key], now, since);
    await this.links.revokeOpen('password_reset', email);
    const expiresAt = new Date(this.now().getTime() + passwordResetTtlMs);
    const { url } = await this.links.issue('/password-reset', {
      kind: 'password_reset',
      email,
      userId: user.id,
      language,
      createdBy: 'anonymous',
      expiresAt,
    });
    await this.audit.record({ kind: 'anonymous' }, { action: 'password_reset.request', target: { type: 'user', id: user.id } });
    await this.mailer.send({
      to: email,
      subject: mailText(language, 'mail.passwordReset.subject', {}),
      text: mailText(language, 'mail.passwordReset.body', { link: url, expires: expiresAt }),
    });
  }

  /** Sets the new password and ends every session of the account. */
  async complete(token: string, password: string): Promise<void> {
    const link = await this.links.inspect('password_reset', token);
    assertAcceptablePassword(password);
    await this.links.consume('password_reset', token);
    if (link.userId === null) return;
    await this.users.setPassword(link.userId, await hashPassword(password));
    await this.sessions.revokeAll(link.userId);
    await this.audit.record({ kind: 'user', userId: link.userId }, { action: 'user.password_reset', target: { type: 'user', id: link.userId }, fields: ['password'] });
  }
}
