import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The operator token: the server keeps it in the data directory, readable only by the machine's user; the CLI
 * reads it to send work to a running server (DESIGN §3).
 */
export function operatorTokenPath(dataDir: string): string {
  return join(dataDir, 'operator-token');
}

export function ensureOperatorToken(dataDir: string): string {
  const path = operatorTokenPath(dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(path)) {
    const token = readFileSync(path, 'utf8').trim();
    if (token.length >= 32) {
      chmodSync(path, 0o600);
      return token;
    }
  }
  const token = randomBytes(32).toString('base64url');
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return token;
}

export function readOperatorToken(dataDir: string): string | undefined {
  try {
    return readFileSync(operatorTokenPath(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
