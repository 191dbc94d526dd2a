import type { Kysely } from 'kysely';
import { type Grant, isRoleId, type Scope, scopeKindOf } from '../../core/accounts/role.ts';
import { isUnLanguage } from '../../core/reference/un-languages.ts';
import type { DB } from '../db/schema.ts';

/**
 * The only place with SQL for role grants: grants on a city in `city_role_grants` (city_id first in its key),
 * every other grant in `role_grants`.
 */
export class GrantRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async forUser(userId: number): Promise<Grant[]> {
    return (await this.forUsers([userId])).get(userId) ?? [];
  }

  async forUsers(userIds: readonly number[]): Promise<Map<number, Grant[]>> {
    const out = new Map<number, Grant[]>();
    if (userIds.length === 0) return out;
    const add = (userId: number, grant: Grant | undefined) => {
      if (!grant) return;
      const list = out.get(userId) ?? [];
      list.push(grant);
      out.set(userId, list);
    };
    const platform = await this.db
      .selectFrom('role_grants')
      .select(['user_id', 'role', 'scope_id'])
      .where('user_id', 'in', userIds)
      .orderBy('role')
      .orderBy('scope_id')
      .execute();
    for (const r of platform) add(r.user_id, toGrant(r.role, r.scope_id));
    const city = await this.db
      .selectFrom('city_role_grants as g')
      .innerJoin('cities as c', 'c.id', 'g.city_id')
      .select(['g.user_id', 'g.role', 'g.city_id', 'c.slug'])
      .where('g.user_id', 'in', userIds)
      .orderBy('c.slug')
      .orderBy('g.role')
      .execute();
    for (const r of city) {
      if (isRoleId(r.role)) add(r.user_id, { role: r.role, scope: { kind: 'city', id: r.city_id, slug: r.slug } });
    }
    return out;
  }

  /** Adds a grant; false when the person already holds it. */
  async add(userId: number, grant: Grant, grantedBy: string): Promise<boolean> {
    const { scope } = grant;
    const res =
      scope.kind === 'city'
        ? await this.db
            .insertInto('city_role_grants')
            .values({ city_id: scope.id, user_id: userId, role: grant.role, granted_by: grantedBy })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst()
        : await this.db
            .insertInto('role_grants')
            .values({
              user_id: userId,
              role: grant.role,
              scope_kind: scope.kind,
              scope_id: scope.kind === 'platform' ? '' : scope.id,
              granted_by: grantedBy,
            })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Removes a grant; false when the person did not hold it. */
  async remove(userId: number, grant: Grant): Promise<boolean> {
    const { scope } = grant;
    const res =
      scope.kind === 'city'
        ? await this.db
            .deleteFrom('city_role_grants')
            .where('city_id', '=', scope.id)
            .where('user_id', '=', userId)
            .where('role', '=', grant.role)
            .executeTakeFirst()
        : await this.db
            .deleteFrom('role_grants')
            .where('user_id', '=', userId)
            .where('role', '=', grant.role)
            .where('scope_id', '=', scope.kind === 'platform' ? '' : scope.id)
            .executeTakeFirst();
    return Number(res.numDeletedRows) === 1;
  }

  /** How many active people hold a platform role (to keep at least one secretariat administrator). */
  async activeHolders(role: 'platform:secretariat'): Promise<number> {
    const row = await this.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('g.role', '=', role)
      .where('u.status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function toGrant(role: string, scopeId: string): Grant | undefined {
  if (!isRoleId(role)) return undefined;
  const kind = scopeKindOf(role);
  let scope: Scope;
  switch (kind) {
    case 'platform':
      scope = { kind };
      break;
    case 'language':
      if (!isUnLanguage(scopeId)) return undefined;
      scope = { kind, id: scopeId };
      break;
    case 'country':
    case 'review':
      scope = { kind, id: scopeId };
      break;
    case 'city':
      return undefined;
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown scope kind ${String(unreachable)}`);
    }
  }
  return { role, scope };
}
