import { tokenMayCarry } from '../../../core/accounts/api-token.ts';
import { allCityRoles, cityRoles, type RoleId, roleIds, tokenOnly } from '../../../core/accounts/role.ts';
import type { AdminScope, Session } from './account-api.ts';

/**
 * The scopes a signed-in person administers, for the people page or the tokens page: everything for the
 * secretariat, their cities for a city's administrators, and (people only) their state for a focal point. Roles
 * that need a second factor act only when the session passed it.
 */
export function adminScopes(session: Session, page: 'people' | 'tokens'): AdminScope[] {
  const verified = session.secondFactor.verified;
  const scopes: AdminScope[] = [];
  const grants = session.user.grants;
  if (verified && grants.some((g) => g.role === 'platform:secretariat')) scopes.push({ kind: 'platform' });
  const cities = grants.filter((g) => g.role === 'city:administrator' && g.scope).map((g) => g.scope!);
  for (const id of [...new Set(cities)].sort()) scopes.push({ kind: 'city', id });
  if (page === 'people' && verified) {
    const countries = grants.filter((g) => g.role === 'country:focal_point' && g.scope).map((g) => g.scope!);
    for (const id of [...new Set(countries)].sort()) scopes.push({ kind: 'country', id });
  }
  return scopes;
}

export const scopeKey = (scope: AdminScope): string => (scope.kind === 'platform' ? 'platform' : `${scope.kind}:${scope.id}`);

/** The roles the page offers in a scope: a person's roles on the people page, a machine's on the tokens page. */
export function rolesFor(scope: AdminScope, page: 'people' | 'tokens'): RoleId[] {
  switch (scope.kind) {
    case 'platform':
      return page === 'people' ? roleIds.filter((r) => !tokenOnly(r)) : roleIds.filter(tokenMayCarry);
    case 'city':
      return page === 'people' ? [...cityRoles] : [...allCityRoles];
    case 'country':
      return ['country:expert'];
    default: {
      const unreachable: never = scope;
      throw new Error(`Unknown scope ${String(unreachable)}`);
    }
  }
}
