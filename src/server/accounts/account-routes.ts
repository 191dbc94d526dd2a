import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { apiTokenRoutes } from './api-token.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { invitationRoutes } from './invitation.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { setupRoutes } from './setup.routes.ts';
import { userRoutes } from './user.routes.ts';

/** Every route of the accounts slice. */
export function accountRoutes(app: FastifyInstance, services: Services): void {
  authRoutes(app, services);
  setupRoutes(app, services);
  invitationRoutes(app, services);
  userRoutes(app, services);
  apiTokenRoutes(app, services);
  peopleRoutes(app, services);
}
