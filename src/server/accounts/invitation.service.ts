import { mayGrant, type Principal } from '../../core/accounts/access-rule.ts';
import { type Grant, type GrantInput, grantInputSchema, needsSecondFactor, toGrantInput } from '../../core/accounts/role.ts';
import { invitationTtlMs } from '../../core/accounts/session-policy.ts';
import { actorFromLabel, actorLabel, actorOfPrincipal } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import { mailText } from '../mail/mail-messages.ts';
import type { Mailer } from '../mail/mailer.ts';
import { type AccountService, assertPersonRole } from './account.service.ts';
import type { AuthService, SignedIn } from './auth.service.ts';
import { resolveGrant } from './grant-resolver.ts';
import type { OneTimeLinkService } from './one-time-link.service.ts';
import { assertAcceptablePassword } from './password.ts';
import type { UserRepository } from './user.repository.ts';

export type InvitationInput = { email: string; displayName?: string | undefined; language: UnLanguage; grants: GrantInput[] };

export type InvitationView = { email: string; displayName: string | null; grants: GrantInput[]; expiresAt: Date; accountExists: boolean };

/** Invitations (issue 4): a link by mail that works once and expires after 10 days. */
export class InvitationService {
  constructor(
    private readonly links: OneTimeLinkService,
    private readonly accounts: AccountService,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Invites someone to the roles given, each of which the inviter must be allowed to give (`mayGrant`). */
  async invite(by: Principal, input: InvitationInput): Promise<{ id: number; email: string; expiresAt: Date }> {
    const grants: Grant[] = [];
    for (const g of input.grants) grants.push(await resolveGrant(this.cities, g));
    for (const g of grants) {
      assertPersonRole(g);
      if (!mayGrant(by, g)) throw new DomainError('grant.not_allowed', `You may not invite to ${g.role} here.`, toGrantInput(g));
    }
    const actor = actorOfPrincipal(by);
    const expiresAt = new Date(this.now().getTime() + invitationTtlMs);
    const { url, link } = await this.links.issue('/invitation', {
      kind: 'invitation',
      email: input.email,
      displayName: input.displayName ?? null,
      grants: grants.map(toGrantInput),
      language: input.language,
      createdBy: actorLabel(actor),
      expiresAt,
    });
    try {
      await this.mailer.send({
        to: input.email,
        subject: mailText(input.language, 'mail.invitation.subject', {}),
        text: mailText(input.language, 'mail.invitation.body', { link: url, expires: expiresAt }),
      });
    } catch (err) {
      // A link nobody received must not stay usable.
      await this.links.revoke(link.id);
      throw err;
    }
    const scope = grants.length > 0 && grants.every((g) => g.scope.kind === grants[0]!.scope.kind) ? grants[0]! : undefined;
    await this.audit.record(actor, {
      action: 'invitation.create',
      target: { type: 'invitation', id: link.id },
      scope: scope && { kind: scope.scope.kind, id: toGrantInput(scope).scope ?? '' },
      fields: ['email', 'displayName', ...grants.map((g) => g.role)],
    });
    return { id: link.id, email: input.email, expiresAt };
  }

  async inspect(token: string): Promise<InvitationView> {
    const link = await this.links.inspect('invitation', token);
    const email = link.email ?? '';
    return {
      email,
      displayName: link.displayName,
      grants: grantsOf(link.grants),
      expiresAt: link.expiresAt,
      accountExists: (await this.users.findByEmail(email)) !== undefined,
    };
  }

  /**
   * Accepts an invitation: creates the account (and signs it in), or — for an address that already has an account —
   * adds the roles to it when its owner is signed in.
   */
  async accept(
    token: string,
    input: { displayName?: string | undefined; password?: string | undefined },
    signedIn: Principal,
  ): Promise<SignedIn | { added: true }> {
    const link = await this.links.inspect('invitation', token);
    const email = link.email ?? '';
    const grants: Grant[] = [];
    for (const g of grantsOf(link.grants)) grants.push(await resolveGrant(this.cities, g));
    const inviter = actorFromLabel(link.createdBy);
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (signedIn.kind !== 'user' || signedIn.userId !== existing.id) {
        throw new DomainError('account.exists', 'An account with this address exists: sign in, then open the link again.');
      }
      await this.links.consume('invitation', token);
      await this.accounts.addGrants(existing.id, grants, inviter);
      await this.audit.record({ kind: 'user', userId: existing.id }, { action: 'invitation.accept', target: { type: 'invitation', id: link.id } });
      return { added: true };
    }
    const password = input.password ?? '';
    assertAcceptablePassword(password);
    const displayName = input.displayName ?? link.displayName ?? '';
    if (!displayName) throw new DomainError('validation', 'A name is needed.', [{ field: 'displayName', message: 'required' }]);
    await this.links.consume('invitation', token);
    const user = await this.accounts.create({ email, displayName, password }, grants, (u) => ({ kind: 'user', userId: u.id }), inviter);
    await this.audit.record({ kind: 'user', userId: user.id }, { action: 'invitation.accept', target: { type: 'invitation', id: link.id } });
    const session = await this.auth.startSession(user.id, false);
    const required = user.grants.some((g) => needsSecondFactor(g.role));
    return { session, user, secondFactor: { enrolled: false, required, verified: false } };
  }
}

function grantsOf(stored: unknown[]): GrantInput[] {
  return stored.flatMap((g) => {
    const parsed = grantInputSchema.safeParse(g);
    return parsed.success ? [parsed.data] : [];
  });
}
