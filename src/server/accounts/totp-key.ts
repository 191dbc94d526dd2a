import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that encrypts TOTP secrets in the store (AES-256-GCM): `SAFER_TOTP_KEY` (32 bytes, base64) when set — what
 * a PostgreSQL deployment with several servers uses —, else the file `totp-key` in the data directory, made on the
 * first start and readable only by the machine's user, like the operator token. Kept apart from the store, so a copy
 * of the database alone does not reveal the secrets.
 */
export function totpKeyPath(dataDir: string): string {
  return join(dataDir, 'totp-key');
}

export function ensureTotpKey(config: { dataDir: string; totpKey?: string | undefined }): Buffer {
  if (config.totpKey) return decodeKey(config.totpKey, 'SAFER_TOTP_KEY');
  const path = totpKeyPath(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(path)) {
    chmodSync(path, 0o600);
    return decodeKey(readFileSync(path, 'utf8').trim(), path);
  }
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${where} must hold 32 bytes in base64 (e.g. openssl rand -base64 32).`);
  return key;
}
