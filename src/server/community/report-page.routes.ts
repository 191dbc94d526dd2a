import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import type { CommunityLimits } from './abuse.ts';

/** The public report page (server-rendered HTML). */
export async function communityPageRoutes(_app: FastifyInstance, _services: Services, _limits: CommunityLimits): Promise<void> {}
