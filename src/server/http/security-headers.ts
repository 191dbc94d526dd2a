import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export type SecurityHeaderSettings = {
  /** The platform is served over TLS: HSTS, and `upgrade-insecure-requests`. */
  https: boolean;
  /** Origins the browser may fetch from besides ours (a basemap's tile server), e.g. `https://tile.example.org`. */
  connectSrc?: readonly string[];
};

/**
 * Security headers (issue 4) with @fastify/helmet: a Content-Security-Policy without inline scripts, HSTS behind
 * TLS, `frame-ancestors 'none'`, `X-Content-Type-Options: nosniff`, no referrer. CORS stays closed: no route sends
 * `Access-Control-Allow-Origin`, so another site's scripts cannot read our answers.
 *
 * The map needs `worker-src 'self' blob:` (MapLibre's worker), `'wasm-unsafe-eval'` (the right-to-left text plugin
 * is WebAssembly) and `'unsafe-eval'`: the plugin's Emscripten loader builds functions at run time.
 */
export async function registerSecurityHeaders(app: FastifyInstance, settings: SecurityHeaderSettings): Promise<void> {
  const extra = settings.connectSrc ?? [];
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"],
        'worker-src': ["'self'", 'blob:'],
        'child-src': ["'self'", 'blob:'],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:', ...extra],
        'font-src': ["'self'"],
        'connect-src': ["'self'", 'data:', 'blob:', ...extra],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(settings.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: settings.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}
