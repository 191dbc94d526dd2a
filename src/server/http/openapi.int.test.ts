import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, type TestStore } from '../../../test/support/stores.ts';

describe('OpenAPI document', () => {
  let store: TestStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    ({ app } = await buildTestApp(store));
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('is a valid OpenAPI 3.1 document describing every API route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const path of ['/api/v1/health', '/api/v1/cities', '/api/v1/cities/{city}', '/api/v1/admin/jobs']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/v1/admin/jobs'].get.security).toEqual([{ bearer: [] }]);
  });

  it('rejects a document that is not valid (the validator is not vacuous)', async () => {
    const result = await new Validator().validate({ openapi: '3.1.0', info: { title: 'x' }, paths: { bad: {} } });
    expect(result.valid).toBe(false);
  });

  it('serves the docs page and its assets from this server', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('swagger');
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(src).not.toMatch(/^(https?:)?\/\//);
  });
});
