import { setupLinkTtlMs } from '../../core/accounts/session-policy.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AccountService, NewAccount } from './account.service.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import type { OneTimeLinkService } from './one-time-link.service.ts';
import { assertAcceptablePassword } from './password.ts';

/**
 * First run (issue 4): on a store without any account the server prints a one-time link to create the first
 * secretariat administrator. No default password exists.
 */
export class SetupService {
  constructor(
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly links: OneTimeLinkService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A fresh setup link when no account exists (older ones stop working), else undefined. */
  async issueLinkIfEmpty(): Promise<{ url: string; expiresAt: Date } | undefined> {
    if (await this.accounts.hasUsers()) return undefined;
    await this.links.revokeOpen('setup');
    const expiresAt = new Date(this.now().getTime() + setupLinkTtlMs);
    const { url } = await this.links.issue('/setup', { kind: 'setup', createdBy: 'system:setup', expiresAt });
    return { url, expiresAt };
  }

  async inspect(token: string): Promise<{ expiresAt: Date }> {
    await this.refuseWhenDone();
    const link = await this.links.inspect('setup', token);
    return { expiresAt: link.expiresAt };
  }

  /** Creates the first administrator from the link and signs them in (their second factor comes next). */
  async complete(token: string, input: NewAccount): Promise<SignedIn> {
    await this.refuseWhenDone();
    assertAcceptablePassword(input.password);
    // Used before the account exists: of two requests racing with the link, one creates the administrator.
    await this.links.consume('setup', token);
    const user = await this.accounts.createAdministrator(input, (u) => ({ kind: 'user', userId: u.id }));
    await this.audit.record({ kind: 'user', userId: user.id }, { action: 'setup.complete', target: { type: 'user', id: user.id } });
    const session = await this.auth.startSession(user.id, false);
    return { session, user, secondFactor: { enrolled: false, required: true, verified: false } };
  }

  private async refuseWhenDone(): Promise<void> {
    if (await this.accounts.hasUsers()) {
      throw new DomainError('setup.done', 'The platform already has an administrator: sign in instead.');
    }
  }
}
