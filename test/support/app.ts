import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/http/app.ts';
import { createServices, type Services } from '../../src/server/services.ts';
import type { TestStore } from './stores.ts';

export const TEST_OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

export async function buildTestApp(store: TestStore): Promise<{ app: FastifyInstance; services: Services }> {
  const services = createServices(store);
  const app = await buildApp({ services, operatorToken: TEST_OPERATOR_TOKEN });
  return { app, services };
}

export const operatorHeaders = { authorization: `Bearer ${TEST_OPERATOR_TOKEN}` };
