import { mayGrant, type Principal } from '../../core/accounts/access-rule.ts';
import {
  apiTokenDisplayLength,
  apiTokenPattern,
  apiTokenPrefix,
  type NewApiToken,
  tokenMayCarry,
} from '../../core/accounts/api-token.ts';
import { type Grant, type GrantInput, grantInputSchema, scopeKindOf, toGrantInput } from '../../core/accounts/role.ts';
import { actorLabel, actorOfPrincipal } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import { auditScope } from './account.service.ts';
import type { ApiTokenRecord, ApiTokenRepository } from './api-token.repository.ts';
import { resolveGrant } from './grant-resolver.ts';
import { randomToken, sha256Hex } from './secrets.ts';

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** A token as lists show it: never its secret, only the first characters of it. */
export type ApiTokenView = {
  id: number;
  name: string;
  prefix: string;
  grants: GrantInput[];
  status: ApiTokenStatus;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

/** What a valid token stands for: the machine's grants, for the access check and for Open311's `api_key`. */
export type AuthenticatedToken = { tokenId: number; name: string; grants: Grant[] };

const dayMs = 24 * 60 * 60 * 1000;

/** API tokens for machines (issue 4): made by people for the grants they may give, shown once, revocable. */
export class ApiTokenService {
  constructor(
    private readonly repo: ApiTokenRepository,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Makes a token carrying `input.grants`, each one the maker may give (`mayGrant`) and none that needs a second
   * factor. The secret is in the answer and nowhere else.
   */
  async create(by: Principal, input: NewApiToken): Promise<{ token: ApiTokenView; secret: string }> {
    const grants: Grant[] = [];
    for (const g of input.grants) grants.push(await resolveGrant(this.cities, g));
    for (const g of grants) {
      if (!tokenMayCarry(g.role)) {
        throw new DomainError('token.role_not_allowed', `A token may not carry ${g.role}: it needs a person with a second factor.`, toGrantInput(g));
      }
      if (!mayGrant(by, g)) throw new DomainError('grant.not_allowed', `You may not give ${g.role} here.`, toGrantInput(g));
    }
    const secret = `${apiTokenPrefix}${randomToken(32)}`;
    const now = this.now();
    const actor = actorOfPrincipal(by);
    const record = await this.repo.insert({
      name: input.name,
      prefix: secret.slice(0, apiTokenDisplayLength),
      secretHash: sha256Hex(secret),
      grants: uniqueGrants(grants).map(toGrantInput),
      createdBy: actorLabel(actor),
      expiresAt: new Date(now.getTime() + input.expiresInDays * dayMs),
    });
    const first = grants[0]!;
    const oneScope = grants.every((g) => g.scope.kind === first.scope.kind && auditScope(g).id === auditScope(first).id);
    await this.audit.record(actor, {
      action: 'token.create',
      target: { type: 'api_token', id: record.id },
      scope: oneScope ? auditScope(first) : undefined,
      fields: ['name', 'expiresAt', ...grants.map((g) => g.role)],
    });
    return { token: this.view(record), secret };
  }

  /** Every token, or those carrying a role in one city (newest first). */
  async list(filter: { city?: string } = {}): Promise<ApiTokenView[]> {
    const all = (await this.repo.list()).map((r) => this.view(r));
    return filter.city === undefined ? all : all.filter((t) => inCity(t.grants, filter.city!));
  }

  /**
   * Revokes a token; the one asking must be allowed to give every grant it carries. Through a city's route
   * (`city`), a token with no role in that city is not found there.
   */
  async revoke(by: Principal, id: number, city?: string): Promise<ApiTokenView> {
    const record = await this.repo.find(id);
    const grants = record ? wireGrants(record.grants) : [];
    if (!record || (city !== undefined && !inCity(grants, city))) throw new DomainError('token.not_found', `No API token ${id}.`, { id });
    for (const g of await this.resolveAll(grants)) {
      if (!mayGrant(by, g)) throw new DomainError('grant.not_allowed', `You may not revoke a token carrying ${g.role} here.`, toGrantInput(g));
    }
    const actor = actorOfPrincipal(by);
    if (await this.repo.revoke(id, actorLabel(actor), this.now())) {
      await this.audit.record(actor, { action: 'token.revoke', target: { type: 'api_token', id }, fields: ['revokedAt'] });
    }
    const after = await this.repo.find(id);
    return this.view(after ?? record);
  }

  /**
   * The token a secret stands for, or null when it is unknown, expired or revoked. Notes the use (`last_used_at`).
   * Used by the access check for `Authorization: Bearer sct_…` and by Open311's `api_key`.
   */
  async authenticate(secret: string): Promise<AuthenticatedToken | null> {
    if (!apiTokenPattern.test(secret)) return null;
    const now = this.now();
    const record = await this.repo.findLive(sha256Hex(secret), now);
    if (!record) return null;
    await this.repo.touch(record.id, now);
    const grants = (await this.resolveAll(wireGrants(record.grants))).filter((g) => tokenMayCarry(g.role));
    return { tokenId: record.id, name: record.name, grants };
  }

  /** Resolves stored grants; one naming a city that no longer exists is dropped. */
  private async resolveAll(grants: GrantInput[]): Promise<Grant[]> {
    const out: Grant[] = [];
    for (const g of grants) {
      try {
        out.push(await resolveGrant(this.cities, g));
      } catch (err) {
        if (!(err instanceof DomainError && err.code === 'city.not_found')) throw err;
      }
    }
    return out;
  }

  private view(r: ApiTokenRecord): ApiTokenView {
    const status: ApiTokenStatus = r.revokedAt ? 'revoked' : r.expiresAt.getTime() <= this.now().getTime() ? 'expired' : 'active';
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      grants: wireGrants(r.grants),
      status,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
      lastUsedAt: r.lastUsedAt,
    };
  }
}

function wireGrants(stored: unknown[]): GrantInput[] {
  return stored.flatMap((g) => {
    const parsed = grantInputSchema.safeParse(g);
    return parsed.success ? [parsed.data] : [];
  });
}

function inCity(grants: readonly GrantInput[], slug: string): boolean {
  return grants.some((g) => scopeKindOf(g.role) === 'city' && g.scope === slug);
}

function uniqueGrants(grants: readonly Grant[]): Grant[] {
  const seen = new Set<string>();
  return grants.filter((g) => {
    const key = `${g.role} ${auditScope(g).id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
