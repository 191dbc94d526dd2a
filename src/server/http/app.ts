import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { accountRoutes } from '../accounts/account-routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { cityRoutes } from '../cities/city.routes.ts';
import { type CommunityLimits, defaultLimits, registerLimiters } from '../community/abuse.ts';
import { communityRoutes } from '../community/community.routes.ts';
import { open311Routes } from '../community/open311.routes.ts';
import { communityPageRoutes } from '../community/report-page.routes.ts';
import { healthRoutes } from '../health/health.routes.ts';
import { hotspotRoutes } from '../hotspots/hotspot.routes.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { incidentRoutes } from '../incidents/incident.routes.ts';
import { indicatorRoutes } from '../indicators/indicator.routes.ts';
import { monitoringRoutes } from '../indicators/monitoring.routes.ts';
import { jobRoutes } from '../jobs/job.routes.ts';
import { reviewChecklistRoutes } from '../review/review-checklist.routes.ts';
import { reviewCycleRoutes } from '../review/review-cycle.routes.ts';
import { reviewGovernanceRoutes } from '../review/review-governance.routes.ts';
import { reviewReportRoutes } from '../review/review-reports.routes.ts';
import type { Services } from '../services.ts';
import { surveyRoutes } from '../surveys/survey.routes.ts';
import { unitRoutes } from '../units/unit.routes.ts';
import { registerAccessControl } from './access.ts';
import { registerErrorHandler, send } from './errors.ts';
import { registerSecurityHeaders } from './security-headers.ts';

export const webDistDir = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

export type AppOptions = {
  services: Services;
  operatorToken: string;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  version?: string;
  /** The largest incident file an upload takes (SAFER_MAX_UPLOAD_MB; 4 GiB by default). */
  maxUploadBytes?: number | undefined;
  /** Accounts and headers (issue 4); tests leave it out. */
  security?: {
    /** The platform's origin (SAFER_PUBLIC_URL); without it the request's own Host is expected in `Origin`. */
    origin?: string | undefined;
    /** Served over TLS (the public URL is https): HSTS and upgrade-insecure-requests. */
    https?: boolean;
    secureCookies?: boolean;
    /** Proxies in front whose X-Forwarded-* headers are trusted (the sign-in lockout counts per client address). */
    trustProxy?: number;
    connectSrc?: readonly string[];
  };
  /** Rate limits, proof-of-work and upload limits of community reporting; tests and the bench switch them off. */
  community?: Partial<CommunityLimits>;
};

/** Builds the Fastify app: API under /api/v1, OpenAPI 3.1 and its docs page, and the web app. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 10 * 1024 * 1024,
    return503OnClosing: true,
    // Trust the X-Forwarded-* headers of the first n proxies in front (proxy-addr's numeric rule), none by default.
    trustProxy: (_address: string, hop: number) => hop < (opts.security?.trustProxy ?? 0),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandler(app);
  const secureCookies = opts.security?.secureCookies ?? false;
  await registerSecurityHeaders(app, { https: opts.security?.https ?? false, connectSrc: opts.security?.connectSrc ?? [] });
  await registerAccessControl(app, opts.services, { operatorToken: opts.operatorToken, origin: opts.security?.origin, secureCookies });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Safer Cities Platform API',
        version: opts.version ?? '0.1.0',
        description:
          'REST API of the Safer Cities Platform. Public routes need no token; administrative routes take a Bearer token.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/v1/docs',
    // Swagger UI sets inline styles; only its pages get them (the app's own pages keep style-src 'self').
    transformStaticCSP: (csp) => csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, opts.services, opts.version ?? '0.1.0');
  cityRoutes(app, opts.services);
  jobRoutes(app, opts.services);
  unitRoutes(app, opts.services);
  incidentRoutes(app, opts.services);
  importRoutes(app, opts.services, { maxUploadBytes: opts.maxUploadBytes });
  accountRoutes(app, opts.services);
  auditRoutes(app, opts.services);
  hotspotRoutes(app, opts.services);
  indicatorRoutes(app, opts.services);
  monitoringRoutes(app, opts.services);
  surveyRoutes(app, opts.services);
  const communityLimits = { ...defaultLimits, ...opts.community };
  await app.register(async (scope) => {
    const limit = await registerLimiters(scope, communityLimits);
    communityRoutes(scope, opts.services, limit);
    await communityPageRoutes(scope, opts.services, communityLimits, limit);
    open311Routes(scope, opts.services, limit);
  });
  reviewCycleRoutes(app, opts.services);
  reviewChecklistRoutes(app, opts.services);
  reviewReportRoutes(app, opts.services);
  reviewGovernanceRoutes(app, opts.services);

  await registerWeb(app);
  return app;
}

async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(`${webDistDir}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  // The browser app routes on the client: any other GET outside /api answers with index.html.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && !path.startsWith('/api/') && hasWeb) {
      return reply.type('text/html').sendFile('index.html');
    }
    return send(reply, req, 'not_found', `No route ${req.method} ${path}.`);
  });
}
