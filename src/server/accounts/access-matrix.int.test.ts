import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { AccessRule } from '../../core/accounts/access-rule.ts';
import { tokenMayCarry } from '../../core/accounts/api-token.ts';
import { type Grant, type RoleId, roleIds, type Scope, scopeKindOf, toGrantInput, tokenOnly } from '../../core/accounts/role.ts';
import { accessTable } from '../http/access.ts';
import type { Services } from '../services.ts';
import { makeUser, sessionFor } from './accounts.test-support.ts';

/**
 * The authorisation matrix (issue 4): every API route of the route table × anonymous, the operator and every role,
 * held in the scope the request names ("A") and in another one ("B"). Refused means 401 for anonymous and 403
 * (forbidden, or second factor required) for everyone else — never 400 — whatever the body; allowed means anything but
 * those. A route added without a rule fails at start-up (see the last tests), so it cannot escape the matrix.
 */
type Who = {
  label: string;
  kind: 'anonymous' | 'operator' | 'user' | 'token';
  role?: RoleId;
  inScope?: boolean;
  secondFactor?: boolean;
  userId?: number;
  secret?: string;
};

const scopes = {
  A: { city: 'alpha', country: 'KEN', review: 'r1', language: 'en' },
  B: { city: 'beta', country: 'UGA', review: 'r2', language: 'fr' },
} as const;

/** An oracle written apart from src/core/accounts/access-rule.ts, from the rule's meaning. */
function expected(rule: AccessRule, who: Who): 'allowed' | 'refused' {
  if (rule === 'public') return 'allowed';
  if (who.kind === 'anonymous') return 'refused';
  if (who.kind === 'operator') return 'allowed';
  if (rule === 'operator') return 'refused';
  // A machine is no signed-in person.
  if (rule === 'authenticated') return who.kind === 'user' ? 'allowed' : 'refused';
  if (!who.role || !rule.role.includes(who.role)) return 'refused';
  if ((who.role === 'platform:secretariat' || who.role === 'country:focal_point') && !who.secondFactor) return 'refused';
  return scopeKindOf(who.role) === 'platform' || who.inScope ? 'allowed' : 'refused';
}

const fillers: Record<string, string> = { ...scopes.A, id: '999999', batch: '999999', level: '1' };

// Every route × every person (tokens included): thousands of requests, which take a while on a busy machine.
describe.each(storeKinds())('authorisation matrix on %s', { timeout: 300_000 }, (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const people: Who[] = [
    { label: 'anonymous', kind: 'anonymous' },
    { label: 'operator', kind: 'operator' },
  ];

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    const alpha = await services.cities.create({ slug: 'alpha', name: 'Alpha', country: 'KEN', timezone: 'Africa/Nairobi' });
    const beta = await services.cities.create({ slug: 'beta', name: 'Beta', country: 'UGA', timezone: 'Africa/Kampala' });
    const scopeOf = (role: RoleId, side: 'A' | 'B'): Scope => {
      const k = scopeKindOf(role);
      const s = scopes[side];
      switch (k) {
        case 'platform':
          return { kind: k };
        case 'city':
          return side === 'A' ? { kind: k, id: alpha.id, slug: 'alpha' } : { kind: k, id: beta.id, slug: 'beta' };
        case 'country':
          return { kind: k, id: s.country };
        case 'review':
          return { kind: k, id: s.review };
        case 'language':
          return { kind: k, id: s.language };
        default:
          throw new Error(k satisfies never);
      }
    };
    let n = 0;
    for (const role of roleIds) {
      const sides = scopeKindOf(role) === 'platform' ? (['A'] as const) : (['A', 'B'] as const);
      for (const side of sides) {
        const grant: Grant = { role, scope: scopeOf(role, side) };
        if (!tokenOnly(role)) {
          const { id } = await makeUser(services, `person${n++}@example.org`, [grant]);
          people.push({ label: `${role}@${side}`, kind: 'user', role, inScope: side === 'A', secondFactor: true, userId: id });
        }
        // The same role held by a machine's API token.
        if (tokenMayCarry(role)) {
          const input = { name: `${role}@${side}`, grants: [toGrantInput(grant)], expiresInDays: 30 };
          const { secret } = await services.accounts.apiTokens.create({ kind: 'operator' }, input);
          people.push({ label: `token ${role}@${side}`, kind: 'token', role, inScope: side === 'A', secret });
        }
      }
    }
    const { id } = await makeUser(services, 'no-second-factor@example.org', [{ role: 'platform:secretariat', scope: { kind: 'platform' } }]);
    people.push({ label: 'platform:secretariat without second factor', kind: 'user', role: 'platform:secretariat', secondFactor: false, userId: id });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const headersFor = async (who: Who): Promise<Record<string, string>> => {
    switch (who.kind) {
      case 'anonymous':
        return {};
      case 'operator':
        return operatorHeaders;
      case 'user':
        // A fresh session for each request: a route that signs out must not spoil the next row.
        return (await sessionFor(services, who.userId!, who.secondFactor ?? false)).headers;
      case 'token':
        return { authorization: `Bearer ${who.secret}` };
      default:
        throw new Error(who.kind satisfies never);
    }
  };

  it('covers every API route, each with a rule', () => {
    const table = accessTable(app);
    expect(table.length).toBeGreaterThan(30);
    for (const path of ['/api/v1/cities', '/api/v1/admin/jobs', '/api/v1/audit', '/api/v1/auth/login', '/api/v1/cities/:city/invitations']) {
      expect(table.map((r) => r.url)).toContain(path);
    }
  });

  it('allows or refuses every route × every person as its rule says, before reading the body', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const route of accessTable(app)) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => fillers[name] ?? 'x');
      for (const who of people) {
        const want = expected(route.access, who);
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: await headersFor(who),
          ...(route.method === 'GET' ? {} : { payload: { junk: '!!' } }),
        });
        const code = res.statusCode >= 400 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
        const refused = code === 'unauthorized' || code === 'forbidden' || code === 'auth.second_factor_required' || code === 'auth.csrf';
        const wantStatus = who.kind === 'anonymous' ? 401 : 403;
        if (want === 'refused' && (!refused || res.statusCode !== wantStatus)) {
          problems.push(`${route.method} ${route.url} as ${who.label}: want ${wantStatus}, got ${res.statusCode} ${code ?? ''}`);
        }
        if (want === 'allowed' && refused) problems.push(`${route.method} ${route.url} as ${who.label}: want allowed, got ${res.statusCode} ${code}`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(30 * people.length - 1);
  });

  it('pins the rules of the routes this issue migrated', () => {
    const rule = (method: string, url: string) => accessTable(app).find((r) => r.method === method && r.url === url)?.access;
    expect(rule('POST', '/api/v1/cities')).toEqual({ role: ['platform:secretariat'] });
    expect(rule('GET', '/api/v1/cities')).toBe('public');
    for (const [m, u] of [
      ['GET', '/api/v1/admin/jobs'],
      ['GET', '/api/v1/admin/jobs/:id'],
      ['POST', '/api/v1/admin/jobs'],
      ['POST', '/api/v1/admin/jobs/:id/cancel'],
      ['POST', '/api/v1/admin/jobs/:id/retry'],
      ['GET', '/api/v1/audit'],
    ] as const) {
      expect(rule(m, u), `${m} ${u}`).toEqual({ role: ['platform:secretariat'] });
    }
    expect(rule('POST', '/api/v1/cities/:city/invitations')).toEqual({ role: ['platform:secretariat', 'city:administrator'], scope: 'city' });
  });

  it('answers an unknown city to its administrators elsewhere with 403, and to the operator with 404', async () => {
    const admin = people.find((p) => p.label === 'city:administrator@A')!;
    const url = '/api/v1/cities/atlantis/invitations';
    const payload = { email: 'x@example.org', roles: ['city:viewer'] };
    expect((await app.inject({ method: 'POST', url, headers: await headersFor(admin), payload })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url, headers: operatorHeaders, payload })).statusCode).toBe(404);
  });
});

describe('route rules', () => {
  it('fail the start-up when a route declares none, or one that does not fit its path', async () => {
    const store = await openTestStore('pglite');
    try {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{}, /does not declare config.access/],
        [{ access: { role: ['city:analyst'] } }, /needs scope 'city'/],
        [{ access: { role: ['platform:secretariat'], scope: 'country' } }, /needs a :country path parameter/],
      ];
      for (const [config, message] of cases) {
        const { app } = await buildTestApp(store);
        const attempt = async () => {
          app.get('/api/v1/new-thing', { config }, async () => 'x');
          await app.ready();
        };
        await expect(attempt()).rejects.toThrow(message);
        await app.close().catch(() => {});
      }
    } finally {
      await store.dispose();
    }
  });
});
