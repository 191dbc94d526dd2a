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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.SAFER_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.SAFER_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    jobPollMs: e.SAFER_JOB_POLL_MS,
    shutdownGraceMs: e.SAFER_SHUTDOWN_GRACE_MS,
    testDatabaseUrl: e.TEST_DATABASE_URL || undefined,
  };
}
