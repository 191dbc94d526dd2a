import { readFileSync } from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { type ReportInput, reportInputSchema } from '../../core/community/report.ts';
import { DomainError } from '../../core/errors.ts';
import type { UnLanguage } from '../../core/reference/un-languages.ts';
import { randomToken } from '../accounts/secrets.ts';
import type { Services } from '../services.ts';
import { type CommunityLimits, checkTimeToken, type Limit, timeToken, verifyProofOfWork } from './abuse.ts';
import type { Photo } from './community.service.ts';
import { pickLanguage, type Translate, translator } from './page-i18n.ts';
import { reencodePhoto } from './photos.ts';
import { type FormValues, renderFollow, renderForm, renderProblem, renderThanks } from './report-page.html.ts';

const assets = {
  'community.css': { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./assets/community.css', import.meta.url), 'utf8') },
  'report.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./assets/report.js', import.meta.url), 'utf8') },
};

const cityParams = z.object({ city: citySlugSchema });
const followParams = z.object({ city: citySlugSchema, token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

type Fields = Record<string, string[]>;

/**
 * The public report page per city (issue 7): `GET /c/{city}/report` (the form), `POST /c/{city}/report` (a form
 * post, multipart so that photos can come along), and the private follow page `GET|POST /c/{city}/follow/{token}`.
 * Server-rendered HTML that works with JavaScript off; a honeypot field and a signed time token keep simple bots
 * out, and with JavaScript on the browser adds a light proof of work.
 */
export async function communityPageRoutes(app: FastifyInstance, services: Services, limits: CommunityLimits, limit: Limit): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { files: limits.maxPhotos, fileSize: limits.maxPhotoBytes, fields: 60, fieldSize: 20_000, parts: 80 },
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    const fields: Fields = {};
    for (const [k, v] of new URLSearchParams(String(body))) addField(fields, k, v);
    done(null, fields);
  });
  const { community } = services;

  app.get('/c/assets/:name', { schema: { hide: true } }, async (req, reply) => {
    const asset = assets[(req.params as { name: string }).name as keyof typeof assets];
    if (!asset) return reply.status(404).type('text/plain').send('Not found');
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  const langOf = (req: FastifyRequest): UnLanguage => pickLanguage((req.query as { lang?: string }).lang, req.headers['accept-language']);

  const formPage = async (req: FastifyRequest, reply: FastifyReply, slug: string, values: FormValues, errors: string[], status: number) => {
    const lang = langOf(req);
    const ctx = await community.context(slug);
    const units = await community.unitContext(ctx.city);
    const key = await community.hmacKey();
    const html = renderForm({
      lang,
      city: { slug: ctx.city.slug, name: ctx.city.name },
      categories: ctx.categories,
      units: units.units,
      retentionDays: ctx.contactRetentionDays,
      token: timeToken(key, slug),
      idempotencyKey: randomToken(16),
      powBits: limits.powBits,
      values,
      errors,
    });
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  };

  const problem = (req: FastifyRequest, reply: FastifyReply, err: unknown, back: string) => {
    const lang = langOf(req);
    if (err instanceof DomainError) {
      const status = err.code === 'community.rate_limited' ? 429 : err.code === 'city.not_found' || err.code === 'community.report_not_found' ? 404 : 400;
      if (err.code === 'community.rate_limited') reply.header('retry-after', String((err.details as { retryAfter?: number })?.retryAfter ?? 60));
      return reply.status(status).type('text/html; charset=utf-8').send(renderProblem(lang, translator(lang)(`error.${err.code}`), back));
    }
    throw err;
  };

  app.get('/c/:city/report', { schema: { hide: true } }, async (req, reply) => {
    const { city } = cityParams.parse(req.params);
    try {
      return await formPage(req, reply, city, {}, [], 200);
    } catch (err) {
      return problem(req, reply, err, '/');
    }
  });

  app.post('/c/:city/report', { schema: { hide: true } }, async (req, reply) => {
    const { city } = cityParams.parse(req.params);
    const lang = langOf(req);
    const t = translator(lang);
    const back = `/c/${city}/report?lang=${lang}`;
    try {
      await limit(req, city);
      const { fields, photos } = await readForm(req);
      const one = (name: string) => (fields[name]?.[0] ?? '').trim();
      const values: FormValues = {
        category: one('category'),
        unit: one('unit'),
        landmark: one('landmark'),
        lat: one('lat'),
        lon: one('lon'),
        times: fields.times ?? [],
        days: fields.days ?? [],
        who: fields.who ?? [],
        description: one('description'),
        contact: one('contact'),
      };
      if (one('website') !== '') throw new DomainError('community.form_invalid', 'The form was filled in by a robot.');
      const key = await community.hmacKey();
      const check = checkTimeToken(key, city, one('token'));
      if (check !== 'ok') return await formPage(req, reply, city, values, [t('error.community.form_invalid')], 400);
      if (one('pow') !== '' && !verifyProofOfWork(one('token'), one('pow'), limits.powBits)) {
        return await formPage(req, reply, city, values, [t('error.community.proof_of_work')], 400);
      }
      const { input, errors } = toInput(values, t);
      if (!input) return await formPage(req, reply, city, values, errors, 400);
      const processed: Photo[] = [];
      for (const p of photos) processed.push(await reencodePhoto(p));
      const idem = /^[A-Za-z0-9_-]{22}$/.test(one('key')) ? `form:${one('key')}` : undefined;
      const { answer } = await community.submit(city, input, { idempotencyKey: idem, source: 'form', photos: processed });
      services.communityPublic.invalidate(city);
      const ctx = await community.context(city);
      const followUrl = `${req.protocol}://${req.headers.host ?? 'localhost'}/c/${city}/follow/${answer.followToken}?lang=${lang}`;
      return reply
        .status(201)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .send(renderThanks(lang, { slug: city, name: ctx.city.name }, answer.id, followUrl));
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'community.category_unknown' || err.code === 'community.unit_unknown')) {
        return formPage(req, reply, city, {}, [t(`error.${err.code}`)], 400);
      }
      if (isTooLarge(err)) return problem(req, reply, new DomainError('community.photo_invalid', 'too large'), back);
      return problem(req, reply, err, back);
    }
  });

  const followPage = async (req: FastifyRequest, reply: FastifyReply, added: boolean) => {
    const { city, token } = followParams.parse(req.params);
    const lang = langOf(req);
    const v = await community.follow(city, token);
    const ctx = await community.context(city);
    const r = v.report;
    const html = renderFollow({
      lang,
      city: { slug: city, name: ctx.city.name },
      token,
      id: r.id,
      category: v.category ? (v.category.names[lang] ?? v.category.names.en ?? r.category) : r.category,
      status: r.status,
      submittedAt: r.submittedAt,
      publicDescription: r.moderation === 'approved' ? r.publicDescription : null,
      events: v.events,
      added,
    });
    return reply
      .status(added ? 201 : 200)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .send(html);
  };

  app.get('/c/:city/follow/:token', { schema: { hide: true } }, async (req, reply) => {
    try {
      return await followPage(req, reply, false);
    } catch (err) {
      return problem(req, reply, err, '/');
    }
  });

  app.post('/c/:city/follow/:token', { schema: { hide: true } }, async (req, reply) => {
    const { city, token } = followParams.parse(req.params);
    try {
      await limit(req, city);
      const fields = (req.isMultipart() ? (await readForm(req)).fields : (req.body as Fields | undefined)) ?? {};
      const text = (fields.text?.[0] ?? '').trim().slice(0, 5000);
      if (text) await community.addToReport(city, token, text);
      return await followPage(req, reply, text !== '');
    } catch (err) {
      return problem(req, reply, err, `/c/${city}/follow/${token}`);
    }
  });
}

async function readForm(req: FastifyRequest): Promise<{ fields: Fields; photos: Uint8Array[] }> {
  if (!req.isMultipart()) return { fields: (req.body as Fields | undefined) ?? {}, photos: [] };
  const fields: Fields = {};
  const photos: Uint8Array[] = [];
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const buf = await part.toBuffer();
      if (buf.length > 0) photos.push(buf);
    } else {
      addField(fields, part.fieldname, String(part.value));
    }
  }
  return { fields, photos };
}

function addField(fields: Fields, name: string, value: string): void {
  const list = fields[name] ?? [];
  list.push(value);
  fields[name] = list;
}

function isTooLarge(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT';
}

/** The form's values as the API's report input, or the localised problems with them. */
function toInput(v: FormValues, t: Translate): { input?: ReportInput; errors: string[] } {
  const errors: string[] = [];
  const lat = Number(v.lat);
  const lon = Number(v.lon);
  let location: ReportInput['location'] | undefined;
  if (v.lat && v.lon && Number.isFinite(lat) && Number.isFinite(lon)) location = { lat, lon };
  else if (v.unit) location = { unit: v.unit };
  else if (v.landmark && v.landmark.length >= 3) location = { landmark: v.landmark };
  if (!v.category) errors.push(t('community.page.errorCategory'));
  if (!location) errors.push(t('community.page.errorPlace'));
  if (!v.description || v.description.length < 3) errors.push(t('community.page.errorDescription'));
  if (errors.length > 0) return { errors };
  const parsed = reportInputSchema.safeParse({
    category: v.category,
    description: v.description,
    location,
    when: { times: v.times, days: v.days },
    who: v.who,
    ...(v.contact ? { contact: v.contact } : {}),
  });
  if (!parsed.success) return { errors: [t('error.community.form_invalid')] };
  return { input: parsed.data, errors: [] };
}
