import type { Grant, GrantInput } from '../../core/accounts/role.ts';
import { scopeKindOf } from '../../core/accounts/role.ts';
import { DomainError } from '../../core/errors.ts';
import { isUnLanguage } from '../../core/reference/un-languages.ts';
import type { CityService } from '../cities/city.service.ts';

/** Turns a grant as the API writes it (a city by slug) into one the store keeps (a city by id). */
export async function resolveGrant(cities: CityService, input: GrantInput): Promise<Grant> {
  const kind = scopeKindOf(input.role);
  const id = input.scope ?? '';
  switch (kind) {
    case 'platform':
      return { role: input.role, scope: { kind } };
    case 'language':
      if (!isUnLanguage(id)) throw new DomainError('validation', `Not a UN language: ${id}.`, { field: 'scope' });
      return { role: input.role, scope: { kind, id } };
    case 'country':
    case 'review':
      return { role: input.role, scope: { kind, id } };
    case 'city': {
      const city = await cities.get(id);
      return { role: input.role, scope: { kind, id: city.id, slug: city.slug } };
    }
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown scope kind ${String(unreachable)}`);
    }
  }
}
