import { describe, expect, it } from 'vitest';
import { actorFromLabel, actorLabel, auditQuerySchema, changedFields } from './audit-entry.ts';

describe('audit entries', () => {
  it('label actors and read the labels back', () => {
    for (const label of ['user:12', 'system:operator', 'anonymous', 'system:worker']) expect(actorLabel(actorFromLabel(label))).toBe(label);
  });

  it('name changed fields, never their values', () => {
    expect(changedFields({ name: 'A', email: 'a@x', status: 'active' }, { name: 'B', email: 'a@x', status: undefined })).toEqual(['name']);
  });

  it('parse filters, scope as kind and id', () => {
    expect(auditQuerySchema.parse({ scope: 'city:nairobi', limit: '5' })).toMatchObject({ scope: { kind: 'city', id: 'nairobi' }, limit: 5 });
    expect(auditQuerySchema.parse({ scope: 'platform' }).scope).toEqual({ kind: 'platform', id: undefined });
    expect(auditQuerySchema.safeParse({ scope: "city:x' or 1=1" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
  });
});
