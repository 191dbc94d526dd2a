import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR_TOKEN } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { buildApp } from '../http/app.ts';
import { createServices, type Services } from '../services.ts';
import { solveProofOfWork, timeToken } from './abuse.ts';

/** A multipart body as a browser sends it. */
async function multipart(fields: [string, string][], files: { name: string; bytes: Uint8Array; type: string }[] = []) {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  for (const f of files) form.append('photos', new Blob([Buffer.from(f.bytes)], { type: f.type }), f.name);
  const res = new Response(form);
  return { payload: Buffer.from(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type')! } };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe.each(storeKinds())('the public report page on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  let limited: FastifyInstance;

  beforeAll(async () => {
    store = await openTestStore(kind);
    services = createServices(store);
    app = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, community: { perAddressPerMinute: 0, perCityPerMinute: 0, powBits: 8 } });
    limited = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, community: { perAddressPerMinute: 2, perCityPerMinute: 0, powBits: 0 } });
    await services.cities.create({ slug: 'lima', name: 'Lima', country: 'PER', timezone: 'America/Lima' });
  });
  afterAll(async () => {
    await app.close();
    await limited.close();
    await store.dispose();
  });

  /** The form's fields as served, with a time token issued `age` seconds ago (a person takes a while to fill it in). */
  const formFields = async (lang: string, age = 30) => {
    const page = await app.inject({ method: 'GET', url: `/c/lima/report?lang=${lang}` });
    const key = await services.community.hmacKey();
    return { html: page.body, token: timeToken(key, 'lima', Date.now() - age * 1000), key: hidden(page.body, 'key') };
  };

  it('serves the form in six languages, right to left in Arabic, under 100 KB, with the honeypot and the signed time token', async () => {
    for (const lang of ['ar', 'en', 'es', 'fr', 'ru', 'zh']) {
      const res = await app.inject({ method: 'GET', url: `/c/lima/report?lang=${lang}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(Buffer.byteLength(res.body)).toBeLessThan(100 * 1024);
      expect(res.body).toContain('name="website"');
      expect(hidden(res.body, 'token')).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
    }
    const es = await app.inject({ method: 'GET', url: '/c/lima/report', headers: { 'accept-language': 'de;q=1, es-PE;q=0.8, en;q=0.5' } });
    expect(es.body).toContain('Reportar un lugar inseguro en Lima');
    expect(es.body).toContain('Iluminación deficiente');
  });

  it('takes a form post without JavaScript and gives a private follow link that shows the status', async () => {
    const f = await formFields('fr');
    const body = await multipart([
      ['token', f.token],
      ['key', f.key],
      ['pow', ''],
      ['website', ''],
      ['category', 'poor-lighting'],
      ['landmark', 'Pont Santa Rosa, côté marché'],
      ['times', 'night'],
      ['who', 'women'],
      ['description', 'Aucune lumière sous le pont <script>alert(1)</script>'],
    ]);
    const res = await app.inject({ method: 'POST', url: '/c/lima/report?lang=fr', ...body });
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('Merci. Votre signalement a été reçu.');
    const link = /href="http:\/\/localhost:80(\/c\/lima\/follow\/[A-Za-z0-9_-]{43})\?lang=fr"/.exec(res.body)?.[1];
    expect(link).toBeDefined();
    const again = await app.inject({ method: 'POST', url: '/c/lima/report?lang=fr', ...body });
    expect(again.body).toBe(res.body);
    const follow = await app.inject({ method: 'GET', url: `${link}?lang=fr` });
    expect(follow.statusCode).toBe(200);
    expect(follow.body).toContain('Reçu');
    expect(follow.headers['referrer-policy']).toBe('no-referrer');
    const added = await app.inject({
      method: 'POST',
      url: `${link}?lang=fr`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'text=Toujours+sombre',
    });
    expect(added.statusCode).toBe(201);
    expect(added.body).toContain('votre ajout a été reçu');
    const stored = await store.db.selectFrom('community_reports').select(['description', 'times', 'who', 'source']).where('source', '=', 'form').execute();
    expect(stored).toEqual([{ description: 'Aucune lumière sous le pont <script>alert(1)</script>', times: ['night'], who: ['women'], source: 'form' }]);
  });

  it('escapes what the resident typed when the form comes back with problems', async () => {
    const f = await formFields('en');
    const body = await multipart([
      ['token', f.token],
      ['key', f.key],
      ['landmark', '"><script>alert(1)</script>'],
      ['description', '</textarea><script>alert(2)</script>'],
    ]);
    const res = await app.inject({ method: 'POST', url: '/c/lima/report?lang=en', ...body });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose what the problem is.');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&#60;/textarea&#62;&#60;script&#62;alert(2)');
  });

  it('refuses the honeypot, a form sent too fast, a forged token and a wrong proof of work', async () => {
    const f = await formFields('en');
    const base: [string, string][] = [
      ['key', f.key],
      ['category', 'poor-lighting'],
      ['landmark', 'Plaza San Martín'],
      ['description', 'Dark corner'],
    ];
    const honeypot = await app.inject({ method: 'POST', url: '/c/lima/report', ...(await multipart([...base, ['token', f.token], ['website', 'http://spam']])) });
    expect(honeypot.statusCode).toBe(400);
    const fresh = timeToken(await services.community.hmacKey(), 'lima');
    const fast = await app.inject({ method: 'POST', url: '/c/lima/report', ...(await multipart([...base, ['token', fresh]])) });
    expect(fast.statusCode).toBe(400);
    expect(fast.body).toContain('Reload the page and send it again');
    const forged = await app.inject({ method: 'POST', url: '/c/lima/report', ...(await multipart([...base, ['token', `${f.token.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`]])) });
    expect(forged.statusCode).toBe(400);
    const badPow = await app.inject({ method: 'POST', url: '/c/lima/report', ...(await multipart([...base, ['token', f.token], ['pow', 'zz-not']])) });
    expect(badPow.statusCode).toBe(400);
    const pow = solveProofOfWork(f.token, 8);
    const ok = await app.inject({ method: 'POST', url: '/c/lima/report', ...(await multipart([...base, ['token', f.token], ['pow', pow]])) });
    expect(ok.statusCode).toBe(201);
  });

  it('re-encodes a photo sent with the form and keeps no EXIF, GPS included', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 20, b: 30 } } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SpyPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '12/1 2/1 0/1' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const f = await formFields('en');
    const body = await multipart(
      [
        ['token', f.token],
        ['key', f.key],
        ['category', 'isolated-space'],
        ['landmark', 'Parque de la Reserva'],
        ['description', 'Abandoned corner'],
      ],
      [{ name: 'corner.jpg', bytes: jpeg, type: 'image/jpeg' }],
    );
    const res = await app.inject({ method: 'POST', url: '/c/lima/report', ...body });
    expect(res.statusCode).toBe(201);
    const photo = await store.db.selectFrom('community_photos').select(['data', 'mime']).executeTakeFirstOrThrow();
    expect(photo.mime).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(photo.data)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(photo.data).includes(Buffer.from('SpyPhone'))).toBe(false);
  });

  it('refuses a photo over the size limit, or more photos than allowed, with a localised page', async () => {
    const small = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, community: { perAddressPerMinute: 0, perCityPerMinute: 0, powBits: 0, maxPhotoBytes: 2_000, maxPhotos: 1 } });
    try {
      const noisy = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .jpeg({ quality: 95 })
        .toBuffer();
      expect(noisy.length).toBeGreaterThan(2_000);
      const f = await formFields('es');
      const fields: [string, string][] = [
        ['token', f.token],
        ['key', f.key],
        ['category', 'poor-lighting'],
        ['landmark', 'Plaza de Armas'],
        ['description', 'Muy oscuro'],
      ];
      const big = await small.inject({ method: 'POST', url: '/c/lima/report?lang=es', ...(await multipart(fields, [{ name: 'a.jpg', bytes: noisy, type: 'image/jpeg' }])) });
      expect(big.statusCode).toBe(400);
      expect(big.body).toContain('Una foto no se pudo leer o es demasiado grande');
      const tiny = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).jpeg().toBuffer();
      const two = await small.inject({
        method: 'POST',
        url: '/c/lima/report?lang=es',
        ...(await multipart(fields, [
          { name: 'a.jpg', bytes: tiny, type: 'image/jpeg' },
          { name: 'b.jpg', bytes: tiny, type: 'image/jpeg' },
        ])),
      });
      expect(two.statusCode).toBe(400);
    } finally {
      await small.close();
    }
  });

  it('answers 429 with a localised message when an address sends too many reports', async () => {
    const payload = { category: 'poor-lighting', description: 'dark', location: { landmark: 'Jirón de la Unión' } };
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await limited.inject({ method: 'POST', url: '/api/v1/cities/lima/community/reports', payload })).statusCode);
    expect(codes).toEqual([201, 201, 429]);
    const f = await formFields('ru');
    const page = await limited.inject({ method: 'POST', url: '/c/lima/report?lang=ru', ...(await multipart([['token', f.token]])) });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Слишком много сообщений');
    expect(page.headers['retry-after']).toBeDefined();
  });
});
