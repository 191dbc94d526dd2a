import { describe, expect, it } from 'vitest';
import { type AccessRule, decide, effectiveGrants, mayGrant, type Principal, ruleProblems } from './access-rule.ts';
import type { Grant } from './role.ts';

const nairobi = { kind: 'city', id: 1, slug: 'nairobi' } as const;
const kisumu = { kind: 'city', id: 2, slug: 'kisumu' } as const;
const user = (grants: Grant[], secondFactor = true): Principal => ({ kind: 'user', userId: 7, grants, secondFactor });
const inNairobi = { found: true, scope: nairobi } as const;
const analysts: AccessRule = { role: ['city:analyst', 'city:administrator'], scope: 'city' };

describe('decide', () => {
  it('lets anyone through a public rule and no one anonymous through another', () => {
    expect(decide('public', { kind: 'anonymous' }, undefined)).toEqual({ allowed: true });
    for (const rule of ['authenticated', 'operator', analysts] as AccessRule[]) {
      expect(decide(rule, { kind: 'anonymous' }, inNairobi)).toEqual({ allowed: false, reason: 'unauthenticated' });
    }
  });

  it('lets the operator through every rule, and only the operator through `operator`', () => {
    for (const rule of ['authenticated', 'operator', analysts] as AccessRule[]) {
      expect(decide(rule, { kind: 'operator' }, inNairobi).allowed).toBe(true);
    }
    expect(decide('operator', user([{ role: 'platform:secretariat', scope: { kind: 'platform' } }]), undefined)).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('matches a city role in its own city only', () => {
    const analyst = user([{ role: 'city:analyst', scope: nairobi }]);
    expect(decide(analysts, analyst, inNairobi).allowed).toBe(true);
    expect(decide(analysts, analyst, { found: true, scope: kisumu })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(analysts, analyst, { found: false, kind: 'city' })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(analysts, user([{ role: 'city:viewer', scope: nairobi }]), inNairobi).allowed).toBe(false);
  });

  it('lets a platform role count everywhere it is listed', () => {
    const rule: AccessRule = { role: ['platform:secretariat', 'city:administrator'], scope: 'city' };
    expect(decide(rule, user([{ role: 'platform:secretariat', scope: { kind: 'platform' } }]), { found: true, scope: kisumu }).allowed).toBe(true);
    expect(decide(analysts, user([{ role: 'platform:secretariat', scope: { kind: 'platform' } }]), inNairobi).allowed).toBe(false);
  });

  it('keeps secretariat and focal-point roles inactive without a second factor, and says so', () => {
    const rule: AccessRule = { role: ['platform:secretariat'] };
    const admin = user([{ role: 'platform:secretariat', scope: { kind: 'platform' } }], false);
    expect(decide(rule, admin, undefined)).toEqual({ allowed: false, reason: 'second_factor_required' });
    expect(decide('authenticated', admin, undefined).allowed).toBe(true);
    const analyst = user([{ role: 'city:analyst', scope: nairobi }], false);
    expect(decide(analysts, analyst, inNairobi).allowed).toBe(true);
    expect(effectiveGrants(admin)).toEqual([]);
  });
});

describe('ruleProblems', () => {
  it('refuses a scoped role without its scope, and a scope without its path parameter', () => {
    expect(ruleProblems({ role: ['city:analyst'] }, ['city'])).toEqual(["role city:analyst needs scope 'city'"]);
    expect(ruleProblems({ role: ['city:analyst'], scope: 'city' }, [])).toEqual(["scope 'city' needs a :city path parameter"]);
    expect(ruleProblems({ role: [] }, [])).toEqual(['names no role']);
    expect(ruleProblems(analysts, ['city'])).toEqual([]);
    expect(ruleProblems('public', [])).toEqual([]);
  });
});

describe('mayGrant', () => {
  const expert: Grant = { role: 'country:expert', scope: { kind: 'country', id: 'KEN' } };
  it('lets the secretariat give anything, a city administrator their city roles, a focal point their experts', () => {
    expect(mayGrant(user([{ role: 'platform:secretariat', scope: { kind: 'platform' } }]), { role: 'platform:observer', scope: { kind: 'platform' } })).toBe(true);
    const cityAdmin = user([{ role: 'city:administrator', scope: nairobi }]);
    expect(mayGrant(cityAdmin, { role: 'city:analyst', scope: nairobi })).toBe(true);
    expect(mayGrant(cityAdmin, { role: 'city:analyst', scope: kisumu })).toBe(false);
    expect(mayGrant(cityAdmin, { role: 'platform:observer', scope: { kind: 'platform' } })).toBe(false);
    const focal = user([{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }]);
    expect(mayGrant(focal, expert)).toBe(true);
    expect(mayGrant(focal, { ...expert, scope: { kind: 'country', id: 'UGA' } })).toBe(false);
    expect(mayGrant(focal, { role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } })).toBe(false);
    expect(mayGrant(user([{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }], false), expert)).toBe(false);
    expect(mayGrant({ kind: 'anonymous' }, expert)).toBe(false);
    expect(mayGrant({ kind: 'operator' }, expert)).toBe(true);
  });
});

describe('an API token', () => {
  const token = (grants: Grant[]): Principal => ({ kind: 'token', tokenId: 3, grants });
  it('acts by its grants in their scope, like a person without a second factor', () => {
    const client = token([{ role: 'city:open311_client', scope: nairobi }, { role: 'city:analyst', scope: nairobi }]);
    expect(decide(analysts, client, inNairobi).allowed).toBe(true);
    expect(decide(analysts, client, { found: true, scope: kisumu })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide({ role: ['city:open311_client'], scope: 'city' }, client, inNairobi).allowed).toBe(true);
  });

  it('is refused where a signed-in person or the operator is needed, and never passes a second factor', () => {
    const client = token([{ role: 'city:analyst', scope: nairobi }]);
    expect(decide('authenticated', client, undefined)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide('operator', client, undefined)).toEqual({ allowed: false, reason: 'forbidden' });
    const secretariat = token([{ role: 'platform:secretariat', scope: { kind: 'platform' } }]);
    expect(decide({ role: ['platform:secretariat'] }, secretariat, undefined)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(effectiveGrants(secretariat)).toEqual([]);
  });

  it('gives no role to anyone', () => {
    const admin = token([{ role: 'city:administrator', scope: nairobi }]);
    expect(mayGrant(admin, { role: 'city:viewer', scope: nairobi })).toBe(false);
  });
});
