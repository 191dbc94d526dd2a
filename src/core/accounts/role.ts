import { z } from 'zod';
import { UN_LANGUAGES, type UnLanguage } from '../reference/un-languages.ts';

/**
 * Roles, each held in one scope (issue 4). A role's id names its scope kind before the colon, so a rule such as
 * `{ role: ['city:analyst'], scope: 'city' }` reads as what it means.
 */
export const roleIds = [
  'platform:secretariat',
  'platform:board',
  'platform:observer',
  'language:translator',
  'country:focal_point',
  'country:expert',
  'review:peer_reviewer',
  'city:administrator',
  'city:analyst',
  'city:moderator',
  'city:viewer',
  'city:open311_client',
] as const;
export type RoleId = (typeof roleIds)[number];

export const scopeKinds = ['platform', 'language', 'country', 'review', 'city'] as const;
export type ScopeKind = (typeof scopeKinds)[number];
/** Scopes named by a path parameter of the same name (`:city`, `:country`, `:review`, `:language`). */
export type ScopedKind = Exclude<ScopeKind, 'platform'>;

export type CityRole = Extract<RoleId, `city:${string}`>;
/** City roles a person may hold (a machine's role, `city:open311_client`, is held only by API tokens). */
export const cityRoles = roleIds.filter((r) => r.startsWith('city:') && !tokenOnly(r)) as Exclude<CityRole, 'city:open311_client'>[];
/** Every city role, a machine's included (what a city's API tokens may carry). */
export const allCityRoles = roleIds.filter((r) => r.startsWith('city:')) as CityRole[];

export function scopeKindOf(role: RoleId): ScopeKind {
  return role.slice(0, role.indexOf(':')) as ScopeKind;
}

export function isRoleId(value: string): value is RoleId {
  return (roleIds as readonly string[]).includes(value);
}

/** Roles that act only in a session whose sign-in passed a second factor (issue 4, "Second factor"). */
export function needsSecondFactor(role: RoleId): boolean {
  switch (role) {
    case 'platform:secretariat':
    case 'country:focal_point':
      return true;
    case 'platform:board':
    case 'platform:observer':
    case 'language:translator':
    case 'country:expert':
    case 'review:peer_reviewer':
    case 'city:administrator':
    case 'city:analyst':
    case 'city:moderator':
    case 'city:viewer':
    case 'city:open311_client':
      return false;
    default: {
      const unreachable: never = role;
      throw new Error(`Unknown role ${String(unreachable)}`);
    }
  }
}

/**
 * Roles only an API token holds, never a person: `city:open311_client`, a machine that submits community reports
 * for the city (Open311 GeoReport v2).
 */
export function tokenOnly(role: RoleId): boolean {
  return role === 'city:open311_client';
}

/** Where a grant applies. A city is named by its id inside the platform and by its slug on the wire. */
export type Scope =
  | { kind: 'platform' }
  | { kind: 'language'; id: UnLanguage }
  | { kind: 'country'; id: string }
  | { kind: 'review'; id: string }
  | { kind: 'city'; id: number; slug: string };

export type Grant = { role: RoleId; scope: Scope };

/** The scope's identifier as the API and the audit log write it: '' for platform, the slug for a city. */
export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'platform':
      return '';
    case 'language':
    case 'country':
    case 'review':
      return scope.id;
    case 'city':
      return scope.slug;
    default: {
      const unreachable: never = scope;
      throw new Error(`Unknown scope ${String(unreachable)}`);
    }
  }
}

export const reviewIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a review id: lower-case letters, digits, hyphens');
const alpha3 = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code in capitals, e.g. KEN');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a city slug');

/**
 * A grant as the API takes and gives it: `scope` is absent for platform roles, else the language code, the
 * country's ISO alpha-3 code, the review id or the city's slug.
 */
export const grantInputSchema = z
  .object({ role: z.enum(roleIds), scope: z.string().max(64).optional() })
  .superRefine((g, ctx) => {
    const kind = scopeKindOf(g.role);
    const problem = scopeProblem(kind, g.scope);
    if (problem) ctx.addIssue({ code: 'custom', path: ['scope'], message: problem });
  });
export type GrantInput = z.infer<typeof grantInputSchema>;

function scopeProblem(kind: ScopeKind, value: string | undefined): string | undefined {
  switch (kind) {
    case 'platform':
      return value === undefined || value === '' ? undefined : 'a platform-wide role takes no scope';
    case 'language':
      return value !== undefined && (UN_LANGUAGES as readonly string[]).includes(value)
        ? undefined
        : `one of ${UN_LANGUAGES.join(', ')}`;
    case 'country':
      return alpha3.safeParse(value).success ? undefined : 'an ISO 3166-1 alpha-3 code, e.g. KEN';
    case 'review':
      return reviewIdSchema.safeParse(value).success ? undefined : 'a review id';
    case 'city':
      return slug.safeParse(value).success ? undefined : 'a city slug';
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown scope kind ${String(unreachable)}`);
    }
  }
}

/** The wire form of a grant. */
export function toGrantInput(grant: Grant): GrantInput {
  return grant.scope.kind === 'platform' ? { role: grant.role } : { role: grant.role, scope: scopeLabel(grant.scope) };
}

export function sameScope(a: Scope, b: Scope): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'platform') return true;
  return a.kind === 'city' && b.kind === 'city' ? a.id === b.id : scopeLabel(a) === scopeLabel(b);
}
