import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp, operatorHeaders } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { registerJobHandlers } from '../jobs/job-handlers.ts';
import type { Services } from '../services.ts';

const profile = { source: 'police', occurredAt: { date: 'Date', format: 'yyyy-MM-dd' }, location: { lon: 'lon', lat: 'lat' }, category: { iccs: '0401' } };
const row = '2012-01-05,-122.41,37.77\n';

async function multipart(fields: Record<string, string>, file: { name: string; text: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file.text]), file.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

/** Uploads that try to hurt the server: too large, a name that climbs out of the uploads folder. */
describe.each(storeKinds())('upload attacks on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const dataDir = `${inject('testRoot')}/upload-attacks-${kind}-${process.pid}/data`;
  const uploads = join(dataDir, 'uploads', 'incidents', 'sf');
  const post = async (name: string, text: string) => {
    const body = await multipart({ profile: JSON.stringify(profile) }, { name, text });
    return app.inject({ method: 'POST', url: '/api/v1/cities/sf/imports', payload: body.payload, headers: { ...operatorHeaders, ...body.headers } });
  };

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store, { maxUploadBytes: 64 * 1024 }));
    registerJobHandlers(services, { dataDir });
    await services.cities.create({ slug: 'sf', name: 'San Francisco', country: 'USA', timezone: 'America/Los_Angeles' });
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('refuses a file over the upload limit with 413 naming the limit, and keeps nothing of it', async () => {
    const big = `Date,lon,lat\n${row.repeat(4000)}`;
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await post('big.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'upload.too_large',
      messageId: 'error.upload.too_large',
      message: 'The request is larger than this server accepts: the limit is 64 KiB (65536 bytes).',
      details: { limitBytes: 65536 },
    });
    expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
    expect(await services.imports.list('sf')).toEqual([]);
  });

  it('refuses a request body over the body limit with 413 naming it', async () => {
    const payload = JSON.stringify({ slug: 'x', name: 'x'.repeat(11 * 1024 * 1024), country: 'KEN', timezone: 'Africa/Nairobi' });
    const res = await app.inject({ method: 'POST', url: '/api/v1/cities', payload, headers: { ...operatorHeaders, 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('The request is larger than this server accepts: the limit is 10 MiB (10485760 bytes).');
  });

  it('keeps a file whose name climbs out of the uploads folder inside it, under its last name part', async () => {
    for (const name of ['../../../../escaped.csv', '..\\..\\..\\escaped.csv', '/etc/escaped.csv']) {
      const res = await post(name, `Date,lon,lat\n${row}`);
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json().fileName).toBe('escaped.csv');
    }
    const stored = readdirSync(uploads);
    expect(stored).toHaveLength(3);
    expect(stored.every((f) => f.endsWith('-escaped.csv') && !f.includes('..') && !f.includes('/'))).toBe(true);
    for (const outside of [join(dataDir, 'escaped.csv'), join(dataDir, '..', 'escaped.csv'), join(dataDir, 'uploads', 'escaped.csv'), '/etc/escaped.csv']) {
      expect(existsSync(outside), outside).toBe(false);
    }
  });
});
