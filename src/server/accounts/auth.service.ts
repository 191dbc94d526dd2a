import type { Principal } from '../../core/accounts/access-rule.ts';
import { normalizeRecoveryCode, normalizeTotp } from '../../core/accounts/recovery-code.ts';
import { needsSecondFactor } from '../../core/accounts/role.ts';
import { retryAfterSeconds, sessionExpiry, signInThrottle } from '../../core/accounts/session-policy.ts';
import type { UserWithGrants } from '../../core/accounts/user.ts';
import type { Actor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { GrantRepository } from './grant.repository.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.ts';
import { hmacBase64url, randomToken, sha256Hex } from './secrets.ts';
import type { SessionRepository } from './session.repository.ts';
import { csrfTokenFor, newSessionToken, sessionIdOf } from './session-token.ts';
import type { ThrottleRepository } from './throttle.repository.ts';
import { verifyTotp } from './totp.ts';
import type { UserCredentials, UserRepository } from './user.repository.ts';

export type NewSession = { token: string; csrfToken: string; expiresAt: Date };

/** What the web app needs to know about the second factor of a signed-in person. */
export type SecondFactorState = { enrolled: boolean; required: boolean; verified: boolean };

export type SignedIn = { session: NewSession; user: UserWithGrants; secondFactor: SecondFactorState };

export type LoginInput = { email: string; password: string; totp?: string | undefined };

/** A live session as the access check sees it. */
export type ResolvedSession = { sessionId: string; principal: Extract<Principal, { kind: 'user' }> };

/** Sign-in (password, second factor, lockout), sessions and sign-out. */
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly grants: GrantRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: ThrottleRepository,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Signs in. Refused with 429 (`auth.throttled`, `details.retryAfter` in seconds) after 10 failures for the account
   * or the network address within 15 minutes; `auth.totp_required` when the password is right and a TOTP code is
   * needed; `previousToken` (a session cookie the browser already had) is revoked, so a planted session id never
   * becomes a signed-in one.
   */
  async login(input: LoginInput, context: { address: string; previousToken?: string | undefined }): Promise<SignedIn> {
    const now = this.now();
    const keys = [await this.accountKey(input.email), await this.addressKey(context.address)];
    await this.refuseWhenThrottled(keys, now);

    const user = await this.users.findByEmail(input.email.trim().toLowerCase());
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !passwordOk) {
      await this.fail(keys, now, user);
      throw new DomainError('auth.invalid_credentials', 'The e-mail address or the password is not right.');
    }
    if (user.status !== 'active') throw new DomainError('auth.deactivated', 'This account is deactivated.');

    let secondFactor = false;
    if (user.totpSecret) {
      if (!input.totp) {
        throw new DomainError('auth.totp_required', 'Enter the code from your authenticator app, or a recovery code.', {
          factor: 'totp',
        });
      }
      if (!(await this.checkSecondFactor(user, input.totp, now))) {
        await this.fail(keys, now, user);
        throw new DomainError('auth.totp_invalid', 'This code is not right, or was already used.', { factor: 'totp' });
      }
      secondFactor = true;
    }
    await this.throttle.clear(keys[0]!);
    if (context.previousToken) await this.sessions.revoke(sessionIdOf(context.previousToken));
    const session = await this.startSession(user.id, secondFactor);
    await this.audit.record({ kind: 'user', userId: user.id }, { action: 'session.sign_in', target: { type: 'user', id: user.id } });
    const grants = await this.grants.forUser(user.id);
    return { session, user: { ...publicUser(user), grants }, secondFactor: stateOf(user.totpSecret !== null, grants, secondFactor) };
  }

  /** A new session for a person who just proved who they are (sign-in, setup, accepted invitation). */
  async startSession(userId: number, secondFactor: boolean): Promise<NewSession> {
    const now = this.now();
    const { token, id } = newSessionToken();
    const expiresAt = sessionExpiry(now, now);
    await this.sessions.insert({ id, userId, secondFactor, expiresAt });
    await this.sessions.prune(now);
    return { token, csrfToken: csrfTokenFor(token), expiresAt };
  }

  /** The live session behind a cookie's token, with its grants; keeps it alive (sliding idle timeout). */
  async resolve(token: string): Promise<ResolvedSession | undefined> {
    if (!/^[\w-]{20,100}$/.test(token)) return undefined;
    const now = this.now();
    const session = await this.sessions.findLive(sessionIdOf(token), now);
    if (!session) return undefined;
    if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
      await this.sessions.touch(session.id, now, sessionExpiry(session.createdAt, now));
    }
    const grants = await this.grants.forUser(session.userId);
    return { sessionId: session.id, principal: { kind: 'user', userId: session.userId, grants, secondFactor: session.secondFactor } };
  }

  /** Who is signed in with this token, for `GET /api/v1/auth/session`. */
  async describe(resolved: ResolvedSession): Promise<{ user: UserWithGrants; secondFactor: SecondFactorState } | undefined> {
    const user = await this.users.findById(resolved.principal.userId);
    if (!user) return undefined;
    const grants = resolved.principal.grants as UserWithGrants['grants'];
    return { user: { ...publicUser(user), grants }, secondFactor: stateOf(user.totpSecret !== null, grants, resolved.principal.secondFactor) };
  }

  async logout(sessionId: string, actor: Actor): Promise<void> {
    if (await this.sessions.revoke(sessionId)) {
      await this.audit.record(actor, { action: 'session.sign_out', target: { type: 'user', id: actor.kind === 'user' ? actor.userId : null } });
    }
  }

  /** Ends every session of a person (this one too). */
  async logoutEverywhere(userId: number, actor: Actor): Promise<number> {
    const n = await this.sessions.revokeAll(userId);
    await this.audit.record(actor, { action: 'session.sign_out_everywhere', target: { type: 'user', id: userId } });
    return n;
  }

  /**
   * Checks the current password of a signed-in person before a sensitive change (a new password, a new second
   * factor); wrong guesses count towards the account's sign-in lockout.
   */
  async reauthenticate(userId: number, password: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('account.not_found', `No account ${userId}.`);
    const now = this.now();
    const keys = [await this.accountKey(user.email)];
    await this.refuseWhenThrottled(keys, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.fail(keys, now, user);
      throw new DomainError('auth.wrong_password', 'This is not your current password.', { field: 'currentPassword' });
    }
  }

  /** Changes a signed-in person's password after checking the current one; their other sessions end. */
  async changePassword(userId: number, keepSessionId: string | undefined, current: string, next: string): Promise<void> {
    await this.reauthenticate(userId, current);
    assertAcceptablePassword(next);
    await this.users.setPassword(userId, await hashPassword(next));
    await this.sessions.revokeAll(userId, keepSessionId);
    await this.audit.record({ kind: 'user', userId }, { action: 'user.password_change', target: { type: 'user', id: userId }, fields: ['password'] });
  }

  async markSecondFactor(sessionId: string): Promise<void> {
    await this.sessions.markSecondFactor(sessionId);
  }

  private async checkSecondFactor(user: UserCredentials, given: string, now: Date): Promise<boolean> {
    const code = normalizeTotp(given);
    if (code && user.totpSecret) {
      const step = verifyTotp(user.totpSecret, code, user.totpLastStep, now.getTime());
      return step !== undefined && (await this.users.advanceTotpStep(user.id, step));
    }
    const recovery = normalizeRecoveryCode(given);
    return recovery !== undefined && (await this.users.spendRecoveryCode(user.id, sha256Hex(recovery)));
  }

  private async refuseWhenThrottled(keys: string[], now: Date): Promise<void> {
    const since = new Date(now.getTime() - signInThrottle.windowMs);
    const failures = await this.throttle.failuresSince(keys, since);
    const wait = Math.max(...keys.map((k) => retryAfterSeconds(failures.get(k) ?? [], now)));
    if (wait > 0) {
      throw new DomainError('auth.throttled', `Too many failed sign-ins. Try again in ${wait} seconds.`, { retryAfter: wait });
    }
  }

  private async fail(keys: string[], now: Date, user: UserCredentials | undefined): Promise<void> {
    await this.throttle.record(keys, now, new Date(now.getTime() - signInThrottle.windowMs));
    if (user) {
      await this.audit.record({ kind: 'anonymous' }, { action: 'session.sign_in_failed', target: { type: 'user', id: user.id } });
    }
  }

  /** Failures are counted per account under the SHA-256 of the address typed, known account or not. */
  private async accountKey(email: string): Promise<string> {
    return `account:${sha256Hex(email.trim().toLowerCase())}`;
  }

  /** … and per network address under an HMAC with this store's key, so the address cannot be read back. */
  private async addressKey(address: string): Promise<string> {
    const key = await this.throttle.secret('sign-in-address-key', () => randomToken());
    return `address:${hmacBase64url(key, address)}`;
  }
}

export function publicUser(user: UserCredentials): Omit<UserWithGrants, 'grants'> {
  return { id: user.id, email: user.email, displayName: user.displayName, status: user.status, totpEnabled: user.totpEnabled, createdAt: user.createdAt };
}

function stateOf(enrolled: boolean, grants: UserWithGrants['grants'], verified: boolean): SecondFactorState {
  return { enrolled, required: grants.some((g) => needsSecondFactor(g.role)), verified };
}
