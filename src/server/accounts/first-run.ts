import type { Services } from '../services.ts';

type Log = { warn(obj: object, msg: string): void };

/**
 * First run (issue 4): on a store without any account, prints a one-time link (valid 24 hours, once) to create the
 * first secretariat administrator. Every start on an empty store makes a new link and revokes the older ones.
 */
export async function announceFirstRun(services: Services, log: Log): Promise<string | undefined> {
  const link = await services.accounts.setup.issueLinkIfEmpty();
  if (!link) return undefined;
  log.warn(
    { setupUrl: link.url, expiresAt: link.expiresAt.toISOString() },
    `First run: create the platform's first administrator at ${link.url} (works once, until ${link.expiresAt.toISOString()}); ` +
      'or run `safer admin create --email <address> --password-file <file>`.',
  );
  return link.url;
}
