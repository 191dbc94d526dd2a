import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only reader of the environment (CONVENTIONS 8). Everything else receives a `Config`.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  SAFER_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  SAFER_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAFER_JOB_POLL_MS: z.coerce.number().int().min(10).default(1000),
  SAFER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  TEST_DATABASE_URL: z.string().optional(),
  // Accounts, mail and security headers (issue 4).
  SAFER_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'SAFER_PUBLIC_URL must be an http:// or https:// URL' }).optional(),
  SAFER_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SAFER_SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  SAFER_MAIL_FROM: z.string().min(3).default('Safer Cities Platform <no-reply@localhost>'),
  SAFER_MAIL_DIR: z.string().min(1).optional(),
  SAFER_COOKIE_SECURE: z.enum(['auto', '0', '1']).default('auto'),
  SAFER_TRUST_PROXY: z.string().regex(/^(0|1|\d{1,2})$/, 'SAFER_TRUST_PROXY is 0, 1 or a number of proxies').default('0'),
  SAFER_CSP_CONNECT_SRC: z.string().default(''),
  SAFER_TOTP_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'SAFER_TOTP_KEY is 32 bytes in base64, e.g. from `openssl rand -base64 32`')
    .optional(),
  SAFER_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1_048_576).default(4096),
  SAFER_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(2557),
  // Community reporting (issue 7): reports per address and per city per minute, proof-of-work bits; 0 switches off.
  SAFER_COMMUNITY_PER_ADDRESS: z.coerce.number().int().min(0).default(10),
  SAFER_COMMUNITY_PER_CITY: z.coerce.number().int().min(0).default(600),
  SAFER_COMMUNITY_POW_BITS: z.coerce.number().int().min(0).max(24).default(12),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  jobPollMs: number;
  shutdownGraceMs: number;
  testDatabaseUrl: string | undefined;
  /** Where the platform is reached; links in mails point here. Default `http://localhost:<port>/`. */
  publicUrl: string;
  /** The origin of SAFER_PUBLIC_URL when it is set; state-changing requests from another Origin are refused. */
  publicOrigin: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Mails are also written here as .eml files; by default `<data dir>/mail` when no SMTP server is set. */
  mailDir: string | undefined;
  /** Session cookies with `Secure`: by default when the public URL is https. */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from this many proxies in front (0: none), for the client address and scheme. */
  trustProxy: number;
  /** Extra origins for the CSP's connect-src and img-src (a basemap tile server). */
  cspConnectSrc: string[];
  /** The key encrypting TOTP secrets (base64); without it, `<data dir>/totp-key`. */
  totpKey: string | undefined;
  /** The largest file a browser upload takes, in bytes (`SAFER_MAX_UPLOAD_MB`, 4096 by default). */
  maxUploadBytes: number;
  /** Audit log entries older than this many days are deleted by the retention job (default 2557, seven years). */
  auditRetentionDays: number;
  /** Abuse limits of community reporting (0: off). */
  community: { perAddressPerMinute: number; perCityPerMinute: number; powBits: number };
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SAFER_DATA_DIR);
  const publicUrl = new URL(e.SAFER_PUBLIC_URL ?? `http://localhost:${e.PORT}/`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demo: e.SAFER_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    jobPollMs: e.SAFER_JOB_POLL_MS,
    shutdownGraceMs: e.SAFER_SHUTDOWN_GRACE_MS,
    testDatabaseUrl: e.TEST_DATABASE_URL || undefined,
    publicUrl: publicUrl.toString(),
    publicOrigin: e.SAFER_PUBLIC_URL ? publicUrl.origin : undefined,
    smtpUrl: e.SAFER_SMTP_URL,
    mailFrom: e.SAFER_MAIL_FROM,
    mailDir: e.SAFER_MAIL_DIR ? resolve(e.SAFER_MAIL_DIR) : e.SAFER_SMTP_URL ? undefined : resolve(dataDir, 'mail'),
    secureCookies: e.SAFER_COOKIE_SECURE === 'auto' ? publicUrl.protocol === 'https:' : e.SAFER_COOKIE_SECURE === '1',
    trustProxy: Number(e.SAFER_TRUST_PROXY),
    cspConnectSrc: e.SAFER_CSP_CONNECT_SRC.split(/\s+/).filter(Boolean),
    totpKey: e.SAFER_TOTP_KEY,
    auditRetentionDays: e.SAFER_AUDIT_RETENTION_DAYS,
    community: { perAddressPerMinute: e.SAFER_COMMUNITY_PER_ADDRESS, perCityPerMinute: e.SAFER_COMMUNITY_PER_CITY, powBits: e.SAFER_COMMUNITY_POW_BITS },
    maxUploadBytes: e.SAFER_MAX_UPLOAD_MB * 1024 ** 2,
  };
}
