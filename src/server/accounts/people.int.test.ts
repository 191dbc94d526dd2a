import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import type { Grant } from '../../core/accounts/role.ts';
import type { Services } from '../services.ts';
import { makeUser, platform, sessionFor } from './accounts.test-support.ts';

type UserDto = { id: number; email: string; grants: { role: string; scope?: string }[] };

describe.each(storeKinds())('role administration in a scope on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const ids: Record<string, number> = {};
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store));
    const alpha = await services.cities.create({ slug: 'alpha', name: 'Alpha', country: 'KEN', timezone: 'Africa/Nairobi' });
    const beta = await services.cities.create({ slug: 'beta', name: 'Beta', country: 'UGA', timezone: 'Africa/Kampala' });
    const inAlpha = (role: Grant['role']): Grant => ({ role, scope: { kind: 'city', id: alpha.id, slug: 'alpha' } });
    const people: [string, Grant[]][] = [
      ['admin', [inAlpha('city:administrator')]],
      ['viewer', [inAlpha('city:viewer'), { role: 'city:analyst', scope: { kind: 'city', id: beta.id, slug: 'beta' } }]],
      ['outsider', [{ role: 'city:viewer', scope: { kind: 'city', id: beta.id, slug: 'beta' } }]],
      ['focal', [{ role: 'country:focal_point', scope: { kind: 'country', id: 'KEN' } }]],
      ['drafter', [{ role: 'country:expert', scope: { kind: 'country', id: 'UGA' } }, platform('platform:observer')]],
      ['sec', [platform('platform:secretariat')]],
    ];
    for (const [name, grants] of people) {
      ids[name] = (await makeUser(services, `${name}@example.org`, grants)).id;
      headers[name] = (await sessionFor(services, ids[name]!, true)).headers;
    }
    await services.accounts.users.addGrants(ids.drafter!, [{ role: 'country:expert', scope: { kind: 'country', id: 'KEN' } }], { kind: 'operator' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it("shows a city's administrators its people with their roles there only, and lets them change those", async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/cities/alpha/people', headers: headers.admin });
    expect(list.statusCode).toBe(200);
    const users = (list.json() as { users: UserDto[] }).users;
    expect(users.map((u) => u.email).sort()).toEqual(['admin@example.org', 'viewer@example.org']);
    expect(users.find((u) => u.id === ids.viewer)?.grants).toEqual([{ role: 'city:viewer', scope: 'alpha' }]);

    const url = `/api/v1/cities/alpha/people/${ids.viewer}/grants`;
    const granted = await app.inject({ method: 'POST', url, headers: headers.admin, payload: { role: 'city:analyst' } });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((granted.json() as UserDto).grants.map((g) => g.role).sort()).toEqual(['city:analyst', 'city:viewer']);
    const revoked = await app.inject({ method: 'POST', url: `${url}/revoke`, headers: headers.admin, payload: { role: 'city:viewer' } });
    expect((revoked.json() as UserDto).grants).toEqual([{ role: 'city:analyst', scope: 'alpha' }]);
    // Their roles elsewhere are untouched.
    expect((await services.accounts.users.get(ids.viewer!)).grants.map((g) => g.role).sort()).toEqual(['city:analyst', 'city:analyst']);

    const outsider = await app.inject({ method: 'POST', url: `/api/v1/cities/alpha/people/${ids.outsider}/grants`, headers: headers.admin, payload: { role: 'city:viewer' } });
    expect([outsider.statusCode, outsider.json().error.code]).toEqual([404, 'account.not_found']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/cities/beta/people', headers: headers.admin })).statusCode).toBe(403);
    const machine = await app.inject({ method: 'POST', url, headers: headers.admin, payload: { role: 'city:open311_client' } });
    expect(machine.statusCode).toBe(400);
  });

  it("lets a state's focal point manage its governmental experts, and not give its own role", async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/countries/KEN/people', headers: headers.focal });
    const users = (list.json() as { users: UserDto[] }).users;
    expect(users.map((u) => u.email).sort()).toEqual(['drafter@example.org', 'focal@example.org']);
    expect(users.find((u) => u.id === ids.drafter)?.grants).toEqual([{ role: 'country:expert', scope: 'KEN' }]);
    const url = `/api/v1/countries/KEN/people/${ids.drafter}/grants`;
    const revoked = await app.inject({ method: 'POST', url: `${url}/revoke`, headers: headers.focal, payload: { role: 'country:expert' } });
    expect((revoked.json() as UserDto).grants).toEqual([]);
    const promote = await app.inject({ method: 'POST', url: `/api/v1/countries/KEN/people/${ids.focal}/grants`, headers: headers.focal, payload: { role: 'country:focal_point' } });
    expect([promote.statusCode, promote.json().error.code]).toEqual([403, 'grant.not_allowed']);
    const other = await app.inject({ method: 'POST', url: `/api/v1/countries/KEN/people/${ids.focal}/grants`, headers: headers.sec, payload: { role: 'country:expert' } });
    expect(other.statusCode).toBe(200);
    // The focal point of KEN reaches nobody of UGA.
    expect((await app.inject({ method: 'GET', url: '/api/v1/countries/UGA/people', headers: headers.focal })).statusCode).toBe(403);
  });
});
