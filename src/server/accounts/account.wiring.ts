import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { DB } from '../db/schema.ts';
import { type Mailer, noMailer } from '../mail/mailer.ts';
import { AccountService } from './account.service.ts';
import { ApiTokenRepository } from './api-token.repository.ts';
import { ApiTokenService } from './api-token.service.ts';
import { AuthService } from './auth.service.ts';
import { GrantRepository } from './grant.repository.ts';
import { InvitationService } from './invitation.service.ts';
import { LinkRepository } from './link.repository.ts';
import { OneTimeLinkService } from './one-time-link.service.ts';
import { PasswordResetService } from './password-reset.service.ts';
import { SessionRepository } from './session.repository.ts';
import { SetupService } from './setup.service.ts';
import { ThrottleRepository } from './throttle.repository.ts';
import { UserRepository } from './user.repository.ts';

/**
 * Where links point and how mail goes out. The CLI needs neither: it sends no mail. `publicUrl` is read when a
 * link is made, so the server may set it once it knows its port.
 */
export type AccountSettings = { publicUrl: string; mailer: Mailer };

export type AccountServices = {
  users: AccountService;
  auth: AuthService;
  setup: SetupService;
  invitations: InvitationService;
  passwordResets: PasswordResetService;
  apiTokens: ApiTokenService;
};

export function createAccountServices(
  db: Kysely<DB>,
  cities: CityService,
  audit: AuditService,
  settings: AccountSettings = { publicUrl: 'http://localhost:8080/', mailer: noMailer },
): AccountServices {
  const userRepo = new UserRepository(db);
  const grantRepo = new GrantRepository(db);
  const sessionRepo = new SessionRepository(db);
  const links = new OneTimeLinkService(new LinkRepository(db), settings);
  const users = new AccountService(userRepo, grantRepo, cities, audit);
  const throttle = new ThrottleRepository(db);
  const auth = new AuthService(userRepo, grantRepo, sessionRepo, throttle, audit);
  return {
    users,
    auth,
    setup: new SetupService(users, auth, links, audit),
    invitations: new InvitationService(links, users, userRepo, auth, cities, audit, settings.mailer),
    passwordResets: new PasswordResetService(links, userRepo, sessionRepo, throttle, audit, settings.mailer),
    apiTokens: new ApiTokenService(new ApiTokenRepository(db), cities, audit),
  };
}
