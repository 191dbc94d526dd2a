import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Grant } from '../../core/accounts/role.ts';
import { open311Status, serviceDefinition, toService, toServiceRequest } from '../../core/community/open311.ts';
import { reportInputSchema } from '../../core/community/report.ts';
import { DomainError, httpStatusOf } from '../../core/errors.ts';
import type { Services } from '../services.ts';
import type { Limit } from './abuse.ts';
import { pickLanguage } from './page-i18n.ts';

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

type Format = 'json' | 'xml';
type Params = Record<string, string | undefined>;

/** Roles whose API token may submit service requests for a city. */
const submitters = new Set(['city:open311_client', 'city:moderator', 'city:administrator']);

class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Open311 GeoReport v2 at `/open311/v2` (issue 7 item 6): discovery, services, service definitions and service
 * requests (GET public, POST with an `api_key`: an API token holding `city:open311_client` for the city), each as
 * `.json` or `.xml`. `jurisdiction_id` is the city's slug.
 */
export function open311Routes(app: FastifyInstance, services: Services, limit: Limit): void {
  const { community, communityPublic } = services;

  const respond = (reply: FastifyReply, format: Format, status: number, root: string, item: string, body: unknown) => {
    if (format === 'json') return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
    const inner = Array.isArray(body) ? { [item]: body } : body;
    const xml = `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: inner })}`;
    return reply.status(status).type('text/xml; charset=utf-8').send(xml);
  };

  const fail = (reply: FastifyReply, format: Format, err: unknown) => {
    let status = 500;
    let description = 'Internal error.';
    if (err instanceof Open311Error) {
      status = err.status;
      description = err.message;
    } else if (err instanceof DomainError) {
      status = httpStatusOf(err.code);
      description = err.message;
    } else if (err && typeof err === 'object' && 'issues' in err) {
      status = 400;
      description = `Invalid request: ${(err as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    } else {
      throw err;
    }
    return respond(reply, format, status, 'errors', 'error', [{ code: status, description }]);
  };

  const split = (name: string): { base: string; format: Format } => {
    const m = /^(.+)\.(json|xml)$/.exec(name);
    if (!m) throw new Open311Error(404, 'Name the format: .json or .xml.');
    return { base: m[1]!, format: m[2] as Format };
  };

  const jurisdiction = async (params: Params) => {
    const slug = params.jurisdiction_id;
    if (!slug) throw new Open311Error(400, 'jurisdiction_id is required: the slug of the city.');
    return community.context(slug);
  };

  const handle = (fn: (req: FastifyRequest, reply: FastifyReply, format: Format, base: string, params: Params) => Promise<unknown>) => {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const name = (req.params as { name: string }).name;
      const format: Format = name.endsWith('.xml') ? 'xml' : 'json';
      try {
        const { base } = split(name);
        return await fn(req, reply, format, base, { ...(req.query as Params), ...flatten(req.body) });
      } catch (err) {
        return fail(reply, format, err);
      }
    };
  };

  app.get(
    '/open311/v2/:name',
    { schema: { hide: true } },
    handle(async (req, reply, format, base, params) => {
      const lang = pickLanguage(params.locale?.slice(0, 2), req.headers['accept-language']);
      switch (base) {
        case 'discovery': {
          const url = `${req.protocol}://${req.headers.host ?? 'localhost'}/open311/v2`;
          return respond(reply, format, 200, 'discovery', 'endpoint', {
            changeset: '2026-11-25T00:00:00Z',
            contact: 'The city administrators of each jurisdiction (jurisdiction_id = city slug).',
            key_service: 'API keys are API tokens with the city:open311_client role, made by a city administrator.',
            endpoints: [
              { specification: 'http://wiki.open311.org/GeoReport_v2', url, changeset: '2026-11-25T00:00:00Z', type: 'production', formats: ['application/json', 'text/xml'] },
            ],
          });
        }
        case 'services': {
          const ctx = await jurisdiction(params);
          const list = ctx.categories.filter((c) => c.active).map((c) => toService(c, lang));
          return respond(reply, format, 200, 'services', 'service', list);
        }
        case 'requests': {
          const ctx = await jurisdiction(params);
          const sensitive = new Set(ctx.categories.filter((c) => c.sensitive).map((c) => c.code));
          if (params.service_code && sensitive.has(params.service_code)) return respond(reply, format, 200, 'service_requests', 'request', []);
          const ids = params.service_request_id?.split(',').map((s) => s.trim()).filter(Boolean);
          const status = params.status === 'open' || params.status === 'closed' ? params.status : undefined;
          const from = params.start_date ? new Date(params.start_date) : undefined;
          const to = params.end_date ? new Date(params.end_date) : undefined;
          if ((from && Number.isNaN(from.getTime())) || (to && Number.isNaN(to.getTime()))) throw new Open311Error(400, 'start_date and end_date are ISO 8601 times.');
          const rows = await communityPublic.reports(
            ctx.city.slug,
            { ...(params.service_code ? { category: params.service_code } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(ids ? { ids } : {}) },
            1000,
          );
          const byCode = new Map(ctx.categories.map((c) => [c.code, c]));
          const list = rows.filter((r) => !status || open311Status(r.status) === status).map((r) => toServiceRequest(r, byCode.get(r.category), lang));
          return respond(reply, format, 200, 'service_requests', 'request', list);
        }
        default:
          throw new Open311Error(404, `No resource ${base}.`);
      }
    }),
  );

  app.get(
    '/open311/v2/:collection/:name',
    { schema: { hide: true } },
    handle(async (req, reply, format, base, params) => {
      const collection = (req.params as { collection: string }).collection;
      const lang = pickLanguage(params.locale?.slice(0, 2), req.headers['accept-language']);
      const ctx = await jurisdiction(params);
      if (collection === 'services') {
        const c = ctx.categories.find((x) => x.code === base && x.active);
        if (!c) throw new Open311Error(404, `No service ${base}.`);
        const def = serviceDefinition(c);
        if (format === 'json') return respond(reply, format, 200, 'service_definition', 'attribute', def);
        return respond(reply, format, 200, 'service_definition', 'attribute', {
          service_code: def.service_code,
          attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) },
        });
      }
      if (collection === 'requests') {
        const rows = await communityPublic.reports(ctx.city.slug, { ids: [base] }, 1);
        const byCode = new Map(ctx.categories.map((c) => [c.code, c]));
        const list = rows.map((r) => toServiceRequest(r, byCode.get(r.category), lang));
        if (list.length === 0) throw new Open311Error(404, `No public service request ${base}.`);
        return respond(reply, format, 200, 'service_requests', 'request', list);
      }
      throw new Open311Error(404, `No resource ${collection}.`);
    }),
  );

  app.post(
    '/open311/v2/:name',
    { schema: { hide: true } },
    handle(async (req, reply, format, base, params) => {
      if (base !== 'requests') throw new Open311Error(404, `No resource ${base} to post to.`);
      const ctx = await jurisdiction(params);
      const token = params.api_key ? await services.accounts.apiTokens.authenticate(params.api_key) : null;
      if (!token) throw new Open311Error(403, 'An api_key (an API token of this platform) is required.');
      if (!maySubmit(token.grants, ctx.city.id)) throw new Open311Error(403, `This api_key may not submit requests to ${ctx.city.slug}.`);
      await limit(req, ctx.city.slug);
      const lat = params.lat === undefined ? undefined : Number(params.lat);
      const lon = params.long === undefined ? undefined : Number(params.long);
      const location =
        lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon)
          ? { lat, lon }
          : params.address_string
            ? { landmark: params.address_string }
            : undefined;
      if (!location) throw new Open311Error(400, 'Give lat and long, or address_string.');
      const contact = [params.first_name, params.last_name, params.email, params.phone].filter(Boolean).join(' ').trim();
      const input = reportInputSchema.parse({
        category: params.service_code,
        description: params.description ?? '',
        location,
        when: { times: listOf(params['attribute[times]']), days: [] },
        who: listOf(params['attribute[who]']),
        ...(contact ? { contact } : {}),
      });
      const idem = req.headers['idempotency-key'];
      const { answer } = await community.submit(ctx.city.slug, input, {
        source: 'open311',
        idempotencyKey: typeof idem === 'string' && idem.length <= 150 ? `open311:${token.tokenId}:${idem}` : undefined,
      });
      return respond(reply, format, 201, 'service_requests', 'request', [
        { service_request_id: answer.id, service_notice: 'Received; published after moderation.', account_id: '' },
      ]);
    }),
  );
}

function maySubmit(grants: readonly Grant[], cityId: number): boolean {
  return grants.some((g) => (g.scope.kind === 'city' && g.scope.id === cityId && submitters.has(g.role)) || g.role === 'platform:secretariat');
}

/** A form body (lists of values) or a JSON body as one flat record of strings. */
function flatten(body: unknown): Params {
  if (!body || typeof body !== 'object') return {};
  const out: Params = {};
  for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? v.map(String).join(',') : v === null || v === undefined ? undefined : String(v);
  return out;
}

function listOf(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
