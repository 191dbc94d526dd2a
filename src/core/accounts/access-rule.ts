import { type Grant, needsSecondFactor, type RoleId, type Scope, type ScopedKind, sameScope, scopeKindOf } from './role.ts';

/**
 * What a route needs (issue 4: every route declares it; one check, before the body is read):
 *
 * - `public`: anyone.
 * - `authenticated`: any signed-in person (or the operator).
 * - `operator`: only the system operator, the bearer of the token the server keeps in its data directory.
 * - `{ role, scope }`: someone holding one of `role`. A platform-wide role counts everywhere; a role of the kind
 *   named by `scope` counts only in the scope the request names by the path parameter of that name (`:city` is a
 *   city's slug, `:country` an ISO alpha-3 code …). The operator passes every rule.
 */
export type AccessRule = 'public' | 'authenticated' | 'operator' | RoleRule;
export type RoleRule = { readonly role: readonly RoleId[]; readonly scope?: ScopedKind };

/**
 * Who is asking. `secondFactor` says whether this session's sign-in passed TOTP or a recovery code. A `token` is a
 * machine with an API token (src/core/accounts/api-token.ts): its grants act as a person's would without a second
 * factor, and it is not a signed-in person.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'operator' }
  | { kind: 'user'; userId: number; grants: readonly Grant[]; secondFactor: boolean }
  | { kind: 'token'; tokenId: number; grants: readonly Grant[] };

/**
 * The request's scope as the access check resolved it from the path: `undefined` when the rule names none, or
 * `{ kind, found: false }` when the path names a scope that does not exist (an unknown city).
 */
export type RequestScope = { found: true; scope: Scope } | { found: false; kind: ScopedKind } | undefined;

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'second_factor_required' };

/** The grants that act now: a role that needs a second factor acts only in a session that passed one. */
export function effectiveGrants(principal: Principal): readonly Grant[] {
  if (principal.kind === 'token') return principal.grants.filter((g) => !needsSecondFactor(g.role));
  if (principal.kind !== 'user') return [];
  return principal.secondFactor ? principal.grants : principal.grants.filter((g) => !needsSecondFactor(g.role));
}

export function decide(rule: AccessRule, principal: Principal, target: RequestScope): Decision {
  if (rule === 'public') return { allowed: true };
  if (principal.kind === 'anonymous') return { allowed: false, reason: 'unauthenticated' };
  if (principal.kind === 'operator') return { allowed: true };
  if (rule === 'operator') return { allowed: false, reason: 'forbidden' };
  // 'authenticated' routes act on a signed-in person's own account: a machine has none.
  if (rule === 'authenticated') return principal.kind === 'user' ? { allowed: true } : { allowed: false, reason: 'forbidden' };
  if (matches(rule, effectiveGrants(principal), target)) return { allowed: true };
  if (principal.kind === 'token') return { allowed: false, reason: 'forbidden' };
  // Held, but inactive until the second factor: say so, so the person knows what to do.
  if (matches(rule, principal.grants, target)) return { allowed: false, reason: 'second_factor_required' };
  return { allowed: false, reason: 'forbidden' };
}

function matches(rule: RoleRule, grants: readonly Grant[], target: RequestScope): boolean {
  return grants.some((g) => {
    if (!rule.role.includes(g.role)) return false;
    if (g.scope.kind === 'platform') return true;
    return target?.found === true && sameScope(g.scope, target.scope);
  });
}

/**
 * Problems with a rule as declared (a route with a bad rule fails at start-up and in the tests): an empty role
 * list, or a scoped role in a rule that names no scope of its kind, or whose path lacks the scope's parameter.
 */
export function ruleProblems(rule: AccessRule, pathParams: readonly string[]): string[] {
  if (typeof rule === 'string') return [];
  const problems: string[] = [];
  if (rule.role.length === 0) problems.push('names no role');
  for (const role of rule.role) {
    const kind = scopeKindOf(role);
    if (kind !== 'platform' && kind !== rule.scope) problems.push(`role ${role} needs scope '${kind}'`);
  }
  if (rule.scope && !pathParams.includes(rule.scope)) problems.push(`scope '${rule.scope}' needs a :${rule.scope} path parameter`);
  return problems;
}

/**
 * Whether `granter` may give `grant` (invitations, role administration, API tokens): the secretariat may give any
 * role; a city administrator the city roles of a city they administer; a focal point the governmental experts of
 * their country. The operator may give any; a machine (an API token) none.
 */
export function mayGrant(granter: Principal, grant: Grant): boolean {
  if (granter.kind === 'operator') return true;
  if (granter.kind !== 'user') return false;
  const held = effectiveGrants(granter);
  if (held.some((g) => g.role === 'platform:secretariat')) return true;
  const holds = (role: RoleId) => held.some((g) => g.role === role && sameScope(g.scope, grant.scope));
  switch (scopeKindOf(grant.role)) {
    case 'city':
      return holds('city:administrator');
    case 'country':
      return grant.role === 'country:expert' && holds('country:focal_point');
    case 'platform':
    case 'language':
    case 'review':
      return false;
    default:
      return false;
  }
}
