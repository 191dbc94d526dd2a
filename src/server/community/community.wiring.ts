import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { DB } from '../db/schema.ts';
import type { UnitService } from '../units/unit.service.ts';
import { CommunityRepository } from './community.repository.ts';
import { CommunityService } from './community.service.ts';
import { CommunityPublicRepository } from './community-public.repository.ts';
import { CommunityPublicService } from './community-public.service.ts';
import { ModerationService } from './moderation.service.ts';

export type CommunityServices = { community: CommunityService; moderation: ModerationService; communityPublic: CommunityPublicService };

/** Builds the community reporting services on one store (called by createServices). */
export function createCommunityServices(db: Kysely<DB>, cities: CityService, units: UnitService, audit: AuditService): CommunityServices {
  const community = new CommunityService(new CommunityRepository(db), cities, units, audit);
  const communityPublic = new CommunityPublicService(new CommunityPublicRepository(db), community);
  const moderation = new ModerationService(community, audit);
  moderation.onChange = (slug) => communityPublic.invalidate(slug);
  return { community, moderation, communityPublic };
}
