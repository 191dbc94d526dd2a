import type { Config } from '../server/config.ts';
import { openStore } from '../server/db/database.ts';
import { liveLockHolder } from '../server/db/lock.ts';
import { registerJobHandlers } from '../server/jobs/job-handlers.ts';
import { readOperatorToken } from '../server/operator-token.ts';
import { createServices, type Services } from '../server/services.ts';
import { ApiClient } from './api-client.ts';

/**
 * Where a CLI command does its work: directly on the store when the CLI can hold it, else through the API of
 * the server that holds it (PGlite has one writer; the CLI never opens the same directory twice).
 */
export type Target = { kind: 'local'; services: Services } | { kind: 'remote'; api: ApiClient };

export class CliError extends Error {
  override name = 'CliError';
}

export async function withTarget<T>(config: Config, fn: (target: Target) => Promise<T>): Promise<T> {
  const holder = config.databaseUrl ? undefined : liveLockHolder(config.dataDir);
  if (holder) {
    const token = readOperatorToken(config.dataDir);
    if (holder.role !== 'server' || !holder.url || !token) {
      throw new CliError(
        `The data directory ${config.dataDir} is in use by process ${holder.pid} (${holder.role}); try again when it has finished.`,
      );
    }
    return fn({ kind: 'remote', api: new ApiClient(holder.url, token) });
  }
  return withLocalServices(config, (services) => fn({ kind: 'local', services }));
}

/** Opens the store for the CLI (work that needs the store itself: backup, restore, move, running jobs). */
export async function withLocalServices<T>(config: Config, fn: (services: Services) => Promise<T>): Promise<T> {
  const holder = config.databaseUrl ? undefined : liveLockHolder(config.dataDir);
  if (holder) {
    throw new CliError(
      `The data directory ${config.dataDir} is in use by process ${holder.pid} (${holder.role}${holder.url ? ` at ${holder.url}` : ''}). Stop it first, or use its API.`,
    );
  }
  const store = await openStore(config, { role: 'cli' });
  try {
    const services = createServices(store);
    registerJobHandlers(services, config);
    return await fn(services);
  } finally {
    await store.close();
  }
}
