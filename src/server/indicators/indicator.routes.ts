import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccessRule, decide } from '../../core/accounts/access-rule.ts';
import { citySlugSchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import { CUSTOM_PREFIX, customIndicatorSchema, type IndicatorDefinition } from '../../core/indicators/definition.ts';
import { indicatorCsv } from '../../core/indicators/output.ts';
import { indicatorCodeSchema, indicatorQuerySchema } from '../../core/indicators/query.ts';
import { actorOf } from '../http/access.ts';
import { errorResponses } from '../http/schemas.ts';
import type { Services } from '../services.ts';
import type { IndicatorAccess } from './indicator.service.ts';

/** Who sees exact figures (DESIGN §4): the city's analysts and administrators, the secretariat, the operator. */
export const exactIndicatorReaders: AccessRule = { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' };
/** Who defines the city's own indicators and its monitoring framework. */
export const indicatorWriters: AccessRule = { role: ['platform:secretariat', 'city:administrator', 'city:analyst'], scope: 'city' };

const texts = z.record(z.string(), z.object({ text: z.string(), status: z.enum(['official', 'unofficial']) }));

export const definitionSchema = z
  .object({
    code: z.string(),
    framework: z.enum(['sdg', 'umf', 'iccs', 'custom']),
    names: texts,
    descriptions: texts,
    numerator: z.string(),
    denominator: z.string(),
    unit: z.enum(['per_100000_per_year', 'percent']),
    by: z.array(z.string()),
    source: z.enum(['record', 'survey']),
    iccs: z.string().optional(),
    rule: z.string(),
    sameAs: z.string().optional(),
  })
  .meta({ id: 'IndicatorDefinition' });

export function toDefinitionDto(d: IndicatorDefinition): z.infer<typeof definitionSchema> {
  return {
    code: d.code,
    framework: d.framework,
    names: d.names,
    descriptions: d.descriptions,
    numerator: d.numerator,
    denominator: d.denominator,
    unit: d.unit,
    by: [...d.by],
    source: d.source,
    ...(d.record ? { iccs: d.record.iccs } : {}),
    rule: d.rule,
    ...(d.sameAs ? { sameAs: d.sameAs } : {}),
  };
}

const rowSchema = z
  .object({
    unit: z.string().optional(),
    month: z.string().optional(),
    quarter: z.string().optional(),
    year: z.string().optional(),
    sex: z.string().optional(),
    age: z.string().optional(),
    disability: z.string().optional(),
    place: z.string().optional(),
    source: z.string().optional(),
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    respondents: z.number().nullable().optional(),
    flags: z.array(z.string()),
    suppressed: z.boolean().optional(),
  })
  .meta({ id: 'IndicatorValue' });

const answerSchema = z
  .object({
    code: z.string(),
    unit: z.string(),
    source: z.string(),
    method: z.string(),
    rule: z.string(),
    by: z.array(z.string()),
    from: z.string().nullable(),
    to: z.string().nullable(),
    rows: z.array(rowSchema),
    notes: z.array(z.string()),
  })
  .meta({ id: 'IndicatorAnswer' });

const cityParams = z.object({ city: citySlugSchema });
const codeParams = z.object({ city: citySlugSchema, code: indicatorCodeSchema });

export function accessFor(req: FastifyRequest, city: { id: number; slug: string }): IndicatorAccess {
  const target = { found: true as const, scope: { kind: 'city' as const, id: city.id, slug: city.slug } };
  return decide(exactIndicatorReaders, req.principal, target).allowed ? 'exact' : 'public';
}

/** Indicator list, values (JSON or CSV), and the city's own indicator definitions. */
export function indicatorRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];

  r.get(
    '/api/v1/cities/:city/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The indicators a city can compute: built-in SDG and UMF ones, and its own; iccs:<code> works for any ICCS code.',
        params: cityParams,
        response: { 200: z.object({ indicators: z.array(definitionSchema), notes: z.array(z.string()) }), ...errorResponses },
      },
    },
    async (req) => ({
      indicators: (await services.indicators.list(req.params.city)).map(toDefinitionDto),
      notes: [
        'iccs:<code> gives the rate per 100,000 residents per year of any ICCS code and its descendants.',
        'Texts marked unofficial are our own wording or translation.',
      ],
    }),
  );

  r.get(
    '/api/v1/cities/:city/indicators/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Values of one indicator, broken down by the `by` keys; JSON, or CSV with Accept: text/csv.',
        description:
          '`by` is a comma-separated list of unit, month, quarter, year, sex, age (and disability, place for survey ' +
          'indicators). `from`/`to` are whole days, both inclusive, in the city time zone. Public answers withhold ' +
          'values resting on fewer than 5 records or respondents (suppressed = true); analysts see exact figures.',
        params: codeParams,
        querystring: indicatorQuerySchema,
        produces: ['application/json', 'text/csv'],
        response: { 200: answerSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const city = await services.cities.get(req.params.city);
      const access = accessFor(req, city);
      const answer = await services.indicators.compute(req.params.city, req.params.code, req.query, access);
      if ((req.headers.accept ?? '').includes('text/csv')) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${city.slug}-${answer.code.replace(/[^a-z0-9.-]/gi, '_')}.csv"`)
          .serializer((x: unknown) => x as string)
          .send(indicatorCsv(answer.by, answer.rows, access === 'public') as never);
      }
      return answer;
    },
  );

  r.post(
    '/api/v1/cities/:city/indicators',
    {
      config: { access: indicatorWriters },
      schema: {
        tags,
        summary: 'Define a city indicator (an ICCS filter or a survey question, a denominator, names); its code becomes city:<code>.',
        params: cityParams,
        body: customIndicatorSchema,
        response: { 201: definitionSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(toDefinitionDto(await services.indicators.createCustom(req.params.city, req.body, actorOf(req)))),
  );

  r.put(
    '/api/v1/cities/:city/indicators/:code',
    {
      config: { access: indicatorWriters },
      schema: { tags, summary: 'Replace a city indicator (code city:<code>).', params: codeParams, body: customIndicatorSchema, response: { 200: definitionSchema, ...errorResponses } },
    },
    async (req) => {
      const code = ownCode(req.params.code);
      if (req.body.code !== code) throw new DomainError('validation', `code: the body names ${req.body.code}, the path ${code}.`, { field: 'code' });
      return toDefinitionDto(await services.indicators.updateCustom(req.params.city, req.body, actorOf(req)));
    },
  );

  r.delete(
    '/api/v1/cities/:city/indicators/:code',
    {
      config: { access: indicatorWriters },
      schema: { tags, summary: 'Remove a city indicator (code city:<code>).', params: codeParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await services.indicators.deleteCustom(req.params.city, ownCode(req.params.code), actorOf(req));
      return reply.status(204).send(null);
    },
  );
}

function ownCode(code: string): string {
  if (!code.startsWith(CUSTOM_PREFIX)) {
    throw new DomainError('validation', `code: only city indicators (${CUSTOM_PREFIX}<code>) can be changed; ${code} is built in.`, { field: 'code' });
  }
  return code.slice(CUSTOM_PREFIX.length);
}
