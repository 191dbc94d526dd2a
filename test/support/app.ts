import type { FastifyInstance } from 'fastify';
import type { AccountSettings } from '../../src/server/accounts/account.wiring.ts';
import { type AppOptions, buildApp } from '../../src/server/http/app.ts';
import { createServices, type Services } from '../../src/server/services.ts';
import type { TestStore } from './stores.ts';

export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

/** The app on a test store; `accounts` sets where links point and how mail goes out (a loopback SMTP server). */
export async function buildTestApp(
  store: TestStore,
  opts: { accounts?: AccountSettings; security?: AppOptions['security']; maxUploadBytes?: number } = {},
): Promise<{ app: FastifyInstance; services: Services }> {
  const services = createServices(store, opts.accounts);
  const app = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN, security: opts.security, maxUploadBytes: opts.maxUploadBytes });
  return { app, services };
}

export const operatorHeaders = { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` };
