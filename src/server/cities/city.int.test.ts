import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';

describe.each(storeKinds())('cities API on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app } = await buildTestApp(store));
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const nairobi = { slug: 'nairobi', name: 'Nairobi', country: 'KEN', timezone: 'Africa/Nairobi' };

  it('starts empty', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ cities: [] });
  });

  it('refuses an anonymous write with 401 before validating the body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/cities', payload: { slug: '!!' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.messageId).toBe('error.unauthorized');
  });

  it('refuses a wrong token with 401', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cities',
      headers: { authorization: 'Bearer nope' },
      payload: nairobi,
    });
    expect(res.statusCode).toBe(401);
  });

  it('creates a city and lists only its public fields', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/cities', headers: operatorHeaders, payload: nairobi });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...nairobi });
    const list = await app.inject({ method: 'GET', url: '/api/v1/cities' });
    expect(list.json()).toEqual({ cities: [{ slug: 'nairobi', name: 'Nairobi', country: 'KEN' }] });
    const one = await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi' });
    expect(one.json()).toEqual({ slug: 'nairobi', name: 'Nairobi', country: 'KEN' });
  });

  it('answers a duplicate slug with 409 and keeps the first city', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cities',
      headers: operatorHeaders,
      payload: { ...nairobi, name: 'Other' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('city.exists');
    const one = await app.inject({ method: 'GET', url: '/api/v1/cities/nairobi' });
    expect(one.json().name).toBe('Nairobi');
  });

  it('names each bad field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/cities',
      headers: operatorHeaders,
      payload: { slug: 'Bad Slug', name: 'x', country: 'kenya', timezone: 'Mars/Olympus' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'country', 'timezone']));
    expect(fields).not.toContain('name');
  });

  it('answers an unknown city with a translatable 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/cities/atlantis' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'city.not_found', messageId: 'error.city.not_found' });
    expect(res.headers['x-request-id']).toBe(res.json().error.requestId);
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ status: 'ok', store: kind });
  });
});
