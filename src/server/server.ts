import { readFileSync } from 'node:fs';
import pino from 'pino';
import { DomainError } from '../core/errors.ts';
import type { AccountSettings } from './accounts/account.wiring.ts';
import { announceFirstRun } from './accounts/first-run.ts';
import { ensureTotpKey } from './accounts/totp-key.ts';
import { scheduleAuditRetention } from './audit/audit-retention.job.ts';
import { scheduleNext as scheduleContactRetention } from './community/contact-retention.job.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openStore, type Store } from './db/database.ts';
import { loadDemoIfEmpty } from './demo.ts';
import { buildApp } from './http/app.ts';
import { JobRunner } from './jobs/job.runner.ts';
import { registerJobHandlers } from './jobs/job-handlers.ts';
import { DAY_MS, scheduleRecurring } from './jobs/recurring.ts';
import { Mailer } from './mail/mailer.ts';
import { ensureOperatorToken } from './operator-token.ts';
import { FOLLOW_UP_REMINDER_JOB } from './review/follow-up.job.ts';
import { REVIEW_DIGEST_JOB } from './review/review-digest.job.ts';
import { createServices } from './services.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Starts the server: the store, the API and web app, the job worker; stops cleanly on SIGINT/SIGTERM. */
export async function startServer(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const store = await openStore(config, { role: 'server' });
  try {
    await serve(config, log, store);
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}

async function serve(config: Config, log: pino.Logger, store: Store): Promise<void> {
  const operatorToken = ensureOperatorToken(config.dataDir);
  const mailer = new Mailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, folder: config.mailDir });
  const site: AccountSettings = { publicUrl: config.publicUrl, mailer, totpKey: ensureTotpKey(config) };
  const services = createServices(store, site);
  const sealedNow = await services.accounts.users.sealPlaintextTotpSecrets();
  if (sealedNow > 0) log.info({ accounts: sealedNow }, 'TOTP secrets stored in plaintext are now encrypted');
  registerJobHandlers(services, config);
  await scheduleAuditRetention(services.jobs);
  if (config.mailDir) log.info({ mailDir: config.mailDir }, `mails are also written to ${config.mailDir}`);

  const requeued = await services.jobs.repo.requeueAbandoned({ everyone: store.kind === 'pglite' });
  if (requeued > 0) log.info({ requeued }, 'jobs left running by a previous process were queued again');
  await scheduleContactRetention(services.jobs, new Date());
  // The review mechanism's daily mail digest and follow-up reminders.
  await scheduleRecurring(services.jobs, REVIEW_DIGEST_JOB, { repeat: true }, new Date(Date.now() + DAY_MS));
  await scheduleRecurring(services.jobs, FOLLOW_UP_REMINDER_JOB, { repeat: true }, new Date(Date.now() + DAY_MS));
  if (config.demo && (await loadDemoIfEmpty(services))) log.info('demo city created in the empty store; its data loads as a job (see Jobs)');

  const app = await buildApp({
    services,
    operatorToken,
    logger: log,
    version: pkg.version,
    maxUploadBytes: config.maxUploadBytes,
    security: {
      origin: config.publicOrigin,
      https: config.publicUrl.startsWith('https:'),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      connectSrc: config.cspConnectSrc,
    },
    community: config.community,
  });
  const runner = new JobRunner(services.jobs, log);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      store.lock?.release();
      process.exit(1);
    }, config.shutdownGraceMs);
    force.unref();
    await runner.stop();
    await app.close();
    await store.close();
    mailer.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  store.lock?.update({ url: `http://127.0.0.1:${port}` });
  if (!config.publicOrigin) site.publicUrl = `http://localhost:${port}/`;
  await announceFirstRun(services, log);
  runner.start(config.jobPollMs);
  log.info({ address, store: store.kind, location: store.location }, `Safer Cities Platform at http://localhost:${port}`);
}

export function reportStartFailure(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DomainError) {
    process.stderr.write(`safer: ${err.message}\n`);
  } else {
    process.stderr.write(`safer: could not start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
}
