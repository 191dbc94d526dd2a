import { mayGrant, type Principal } from '../../core/accounts/access-rule.ts';
import { formatRecoveryCode, normalizeTotp } from '../../core/accounts/recovery-code.ts';
import { type Grant, type GrantInput, type Scope, sameScope, scopeLabel, toGrantInput, tokenOnly } from '../../core/accounts/role.ts';
import type { User, UserWithGrants } from '../../core/accounts/user.ts';
import { type Actor, actorLabel, actorOfPrincipal } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { GrantRepository } from './grant.repository.ts';
import { resolveGrant } from './grant-resolver.ts';
import { assertAcceptablePassword, hashPassword } from './password.ts';
import { sha256Hex } from './secrets.ts';
import { newRecoveryCodes, newTotpSecret, verifyTotp } from './totp.ts';
import type { UserRepository } from './user.repository.ts';

export type NewAccount = { email: string; displayName: string; password: string };

/** People, their roles and their second factor. */
export class AccountService {
  constructor(
    private readonly users: UserRepository,
    private readonly grants: GrantRepository,
    private readonly cities: CityService,
    private readonly audit: AuditService,
  ) {}

  hasUsers(): Promise<boolean> {
    return this.users.count().then((n) => n > 0);
  }

  /** Creates an account with the given grants (already checked by the caller) and records it. */
  async create(
    input: NewAccount,
    grants: readonly Grant[],
    actor: Actor | ((user: User) => Actor),
    grantedBy?: Actor,
  ): Promise<UserWithGrants> {
    assertAcceptablePassword(input.password);
    const user = await this.users.insert({ email: input.email, displayName: input.displayName, passwordHash: await hashPassword(input.password) });
    if (!user) throw new DomainError('account.exists', 'An account with this e-mail address already exists.', { field: 'email' });
    const who = typeof actor === 'function' ? actor(user) : actor;
    await this.audit.record(who, { action: 'user.create', target: { type: 'user', id: user.id }, fields: ['email', 'displayName', 'password'] });
    for (const grant of grants) await this.addGrant(user.id, grant, grantedBy ?? who);
    return { ...user, grants: await this.grants.forUser(user.id) };
  }

  /** Adds grants someone gave earlier (an accepted invitation) to an existing account. */
  async addGrants(userId: number, grants: readonly Grant[], grantedBy: Actor): Promise<UserWithGrants> {
    for (const grant of grants) await this.addGrant(userId, grant, grantedBy);
    return this.get(userId);
  }

  /** A secretariat administrator (first run, `safer admin create`, the operator's API). */
  createAdministrator(input: NewAccount, actor: Actor | ((user: User) => Actor)): Promise<UserWithGrants> {
    return this.create(input, [{ role: 'platform:secretariat', scope: { kind: 'platform' } }], actor);
  }

  async list(): Promise<UserWithGrants[]> {
    const users = await this.users.list();
    const grants = await this.grants.forUsers(users.map((u) => u.id));
    return users.map((u) => ({ ...u, grants: grants.get(u.id) ?? [] }));
  }

  /**
   * The people holding a role in one scope (a city, a country), each with their roles there only: what a city's
   * administrators or a state's focal points see of them.
   */
  async listInScope(scope: Scope): Promise<UserWithGrants[]> {
    return (await this.list()).flatMap((u) => {
      const here = u.grants.filter((g) => sameScope(g.scope, scope));
      return here.length > 0 ? [{ ...u, grants: here }] : [];
    });
  }

  /**
   * Grants or revokes a role in one scope to someone who already holds a role there (others are not found: a
   * city's administrators reach only their city's people, and learn nothing of anyone else).
   */
  async changeInScope(userId: number, input: GrantInput, by: Principal, scope: Scope, change: 'grant' | 'revoke'): Promise<UserWithGrants> {
    const person = (await this.listInScope(scope)).find((u) => u.id === userId);
    if (!person) throw new DomainError('account.not_found', `No account ${userId} with a role here.`, { id: userId });
    await (change === 'grant' ? this.grant(userId, input, by) : this.revoke(userId, input, by));
    const after = await this.get(userId);
    return { ...after, grants: after.grants.filter((g) => sameScope(g.scope, scope)) };
  }

  async get(id: number): Promise<UserWithGrants> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('account.not_found', `No account ${id}.`, { id });
    const { passwordHash: _p, totpSecret: _t, totpPendingSecret: _q, totpLastStep: _s, ...rest } = user;
    return { ...rest, grants: await this.grants.forUser(id) };
  }

  /** Deactivates an account (its sessions end with it: a session of a deactivated account no longer resolves). */
  async setActive(id: number, active: boolean, actor: Actor): Promise<UserWithGrants> {
    const current = await this.get(id);
    if (!active && current.status === 'active' && current.grants.some((g) => g.role === 'platform:secretariat')) {
      if ((await this.grants.activeHolders('platform:secretariat')) <= 1) {
        throw new DomainError('account.last_administrator', 'This is the last active secretariat administrator.', { id });
      }
    }
    await this.users.setStatus(id, active ? 'active' : 'deactivated');
    if (current.status !== (active ? 'active' : 'deactivated')) {
      await this.audit.record(actor, { action: active ? 'user.activate' : 'user.deactivate', target: { type: 'user', id }, fields: ['status'] });
    }
    return this.get(id);
  }

  /** Grants a role, if the one asking may give it (`mayGrant`). */
  async grant(userId: number, input: GrantInput, by: Principal): Promise<UserWithGrants> {
    await this.get(userId);
    const grant = await resolveGrant(this.cities, input);
    if (!mayGrant(by, grant)) throw new DomainError('grant.not_allowed', `You may not grant ${input.role} here.`, input);
    await this.addGrant(userId, grant, actorOfPrincipal(by));
    return this.get(userId);
  }

  async revoke(userId: number, input: GrantInput, by: Principal): Promise<UserWithGrants> {
    const current = await this.get(userId);
    const grant = await resolveGrant(this.cities, input);
    if (!mayGrant(by, grant)) throw new DomainError('grant.not_allowed', `You may not revoke ${input.role} here.`, input);
    if (grant.role === 'platform:secretariat' && current.status === 'active' && (await this.grants.activeHolders('platform:secretariat')) <= 1) {
      throw new DomainError('account.last_administrator', 'This is the last active secretariat administrator.', { id: userId });
    }
    if (await this.grants.remove(userId, grant)) {
      await this.audit.record(actorOfPrincipal(by), { action: 'grant.revoke', target: { type: 'user', id: userId }, scope: auditScope(grant), fields: [grant.role] });
    }
    return this.get(userId);
  }

  private async addGrant(userId: number, grant: Grant, actor: Actor): Promise<void> {
    assertPersonRole(grant);
    if (await this.grants.add(userId, grant, actorLabel(actor))) {
      await this.audit.record(actor, { action: 'grant.add', target: { type: 'user', id: userId }, scope: auditScope(grant), fields: [grant.role] });
    }
  }

  /** Starts TOTP set-up: a new pending secret, shown once to the person, confirmed by a first code. */
  async startTotp(userId: number): Promise<{ secret: string; uri: string }> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('account.not_found', `No account ${userId}.`);
    if (user.totpSecret) throw new DomainError('auth.totp_enabled', 'The second factor is already set up.');
    const { secret, uri } = newTotpSecret(user.email);
    await this.users.setPendingTotp(userId, secret);
    return { secret, uri };
  }

  /** Confirms TOTP set-up with a code; returns the recovery codes, shown this once. */
  async confirmTotp(userId: number, given: string): Promise<string[]> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('account.not_found', `No account ${userId}.`);
    if (user.totpSecret) throw new DomainError('auth.totp_enabled', 'The second factor is already set up.');
    if (!user.totpPendingSecret) throw new DomainError('auth.totp_not_started', 'Start the set-up of the second factor first.');
    const code = normalizeTotp(given);
    const step = code && verifyTotp(user.totpPendingSecret, code, null);
    if (!step) throw new DomainError('auth.totp_invalid', 'This code is not right. Check the time on your device.', { field: 'code' });
    const codes = newRecoveryCodes();
    await this.users.enableTotp(userId, step, codes.map(sha256Hex));
    await this.audit.record({ kind: 'user', userId }, { action: 'user.totp_enable', target: { type: 'user', id: userId }, fields: ['totp'] });
    return codes.map(formatRecoveryCode);
  }
}

/** A machine's role (held by API tokens only) cannot be given to a person. */
export function assertPersonRole(grant: Grant): void {
  if (tokenOnly(grant.role)) {
    throw new DomainError('grant.token_only', `${grant.role} is held only by API tokens, not by people.`, toGrantInput(grant));
  }
}

export function auditScope(grant: Grant): { kind: string; id: string } {
  return { kind: grant.scope.kind, id: scopeLabel(grant.scope) };
}

