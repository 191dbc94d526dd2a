import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR_TOKEN } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { operatorActor } from '../../core/audit/audit-entry.ts';
import { buildApp } from '../http/app.ts';
import { createServices, type Services } from '../services.ts';

describe.each(storeKinds())('Open311 GeoReport v2 on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let clientKey: string;
  let otherCityKey: string;
  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    app = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, community: { perAddressPerMinute: 0, perCityPerMinute: 0, powBits: 0 } });
    await services.cities.create({ slug: 'quito', name: 'Quito', country: 'ECU', timezone: 'America/Guayaquil' });
    await services.cities.create({ slug: 'cusco', name: 'Cusco', country: 'PER', timezone: 'America/Lima' });
    const by = { kind: 'operator' } as const;
    clientKey = (await services.accounts.apiTokens.create(by, { name: 'gateway', grants: [{ role: 'city:open311_client', scope: 'quito' }], expiresInDays: 30 })).secret;
    otherCityKey = (await services.accounts.apiTokens.create(by, { name: 'other', grants: [{ role: 'city:open311_client', scope: 'cusco' }], expiresInDays: 30 })).secret;
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('answers discovery and services in JSON and XML', async () => {
    const disc = await app.inject({ method: 'GET', url: '/open311/v2/discovery.json' });
    expect(disc.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    const services311 = await app.inject({ method: 'GET', url: '/open311/v2/services.json?jurisdiction_id=quito&locale=es' });
    expect(services311.json()).toContainEqual(expect.objectContaining({ service_code: 'poor-lighting', service_name: 'Iluminación deficiente', metadata: true }));
    const xml = await app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=quito' });
    expect(xml.headers['content-type']).toContain('text/xml');
    const parsed = new XMLParser().parse(xml.body);
    expect(parsed.services.service.map((s: { service_code: string }) => s.service_code)).toContain('school-route');
    const def = await app.inject({ method: 'GET', url: '/open311/v2/services/poor-lighting.xml?jurisdiction_id=quito' });
    const d = new XMLParser().parse(def.body).service_definition;
    expect(d.service_code).toBe('poor-lighting');
    expect(d.attributes.attribute.map((a: { code: string }) => a.code)).toEqual(['times', 'who']);
    const missing = await app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()[0].code).toBe(400);
  });

  it('takes POST requests only with an api_key holding city:open311_client for that city', async () => {
    const body = { jurisdiction_id: 'quito', service_code: 'poor-lighting', lat: '-0.2201', long: '-78.5123', description: 'Dark stairs to the bus stop', 'attribute[times]': 'night' };
    expect((await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form(body) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form({ ...body, api_key: 'sct_wrong' }) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form({ ...body, api_key: otherCityKey }) })).statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/open311/v2/requests.xml', ...form({ ...body, api_key: clientKey }) });
    expect(ok.statusCode).toBe(201);
    const id = new XMLParser().parse(ok.body).service_requests.request.service_request_id;
    expect(id).toMatch(/^[a-z2-7]{10}$/);
    const stored = await store.db.selectFrom('community_reports').select(['source', 'times']).where('public_id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ source: 'open311', times: ['night'] });
    const bad = await app.inject({ method: 'POST', url: '/open311/v2/requests.json', ...form({ ...body, api_key: clientKey, service_code: 'nope' }) });
    expect(bad.statusCode).toBe(400);
  });

  it('lists only moderated, non-sensitive requests at generalised places', async () => {
    const submit = async (category: string, description: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/cities/quito/community/reports',
        payload: { category, description, location: { lat: -0.18, lon: -78.48 } },
      });
      return res.json().id as string;
    };
    const visible = await submit('isolated-space', 'Abandoned lot near the park');
    const sensitive = await submit('harassment', 'Men shout at women here');
    const pending = await submit('isolated-space', 'Not moderated yet');
    for (const id of [visible, sensitive]) await services.moderation.act('quito', id, { action: 'approve' }, operatorActor);
    await services.moderation.act('quito', visible, { action: 'status', status: 'resolved' }, operatorActor);
    const list = (await app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=quito' })).json() as Record<string, unknown>[];
    expect(list.map((r) => r.service_request_id)).toEqual([visible]);
    expect(list[0]).toMatchObject({ status: 'closed', description: 'Abandoned lot near the park' });
    expect(list[0]!.lat).not.toBe(-0.18);
    expect(Math.abs((list[0]!.lat as number) - -0.18)).toBeLessThan(0.01);
    expect((await app.inject({ method: 'GET', url: `/open311/v2/requests/${sensitive}.json?jurisdiction_id=quito` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/open311/v2/requests/${pending}.json?jurisdiction_id=quito` })).statusCode).toBe(404);
    const open = (await app.inject({ method: 'GET', url: '/open311/v2/requests.json?jurisdiction_id=quito&status=open' })).json();
    expect(open).toEqual([]);
    const xml = await app.inject({ method: 'GET', url: `/open311/v2/requests/${visible}.xml?jurisdiction_id=quito` });
    expect(new XMLParser().parse(xml.body).service_requests.request.service_request_id).toBe(visible);
  });
});
