import { describe, expect, it } from 'vitest';
import { normalizeRecoveryCode, normalizeTotp } from './recovery-code.ts';
import { grantInputSchema, needsSecondFactor, roleIds, scopeKindOf, toGrantInput } from './role.ts';

describe('roles', () => {
  it('name their scope kind, and only secretariat and focal points need a second factor', () => {
    expect(roleIds.map(scopeKindOf)).toEqual(['platform', 'platform', 'platform', 'language', 'country', 'country', 'review', 'city', 'city', 'city', 'city', 'city']);
    expect(roleIds.filter(needsSecondFactor)).toEqual(['platform:secretariat', 'country:focal_point']);
  });

  it('take the scope their kind needs on the wire', () => {
    expect(grantInputSchema.safeParse({ role: 'platform:board' }).success).toBe(true);
    expect(grantInputSchema.safeParse({ role: 'platform:board', scope: 'KEN' }).success).toBe(false);
    expect(grantInputSchema.safeParse({ role: 'country:expert', scope: 'KEN' }).success).toBe(true);
    expect(grantInputSchema.safeParse({ role: 'country:expert', scope: 'ken' }).success).toBe(false);
    expect(grantInputSchema.safeParse({ role: 'language:translator', scope: 'fr' }).success).toBe(true);
    expect(grantInputSchema.safeParse({ role: 'language:translator', scope: 'de' }).success).toBe(false);
    expect(grantInputSchema.safeParse({ role: 'city:viewer', scope: 'nairobi' }).success).toBe(true);
    expect(grantInputSchema.safeParse({ role: 'city:viewer' }).success).toBe(false);
    expect(grantInputSchema.safeParse({ role: 'review:peer_reviewer', scope: 'cycle-1-ken' }).success).toBe(true);
    expect(toGrantInput({ role: 'city:viewer', scope: { kind: 'city', id: 3, slug: 'nairobi' } })).toEqual({ role: 'city:viewer', scope: 'nairobi' });
  });
});

describe('codes', () => {
  it('normalise what people type', () => {
    expect(normalizeTotp(' 123 456 ')).toBe('123456');
    expect(normalizeTotp('12345')).toBeUndefined();
    expect(normalizeRecoveryCode('ABCDE-FGH23')).toBe('abcdefgh23');
    expect(normalizeRecoveryCode('abcdefgh23')).toBe('abcdefgh23');
    expect(normalizeRecoveryCode('abcde-fgh21')).toBeUndefined();
  });
});
