import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1:';

/**
 * Encrypts small secrets kept in the store (TOTP secrets) with AES-256-GCM: `v1:` and base64url of a 96-bit random
 * IV, the ciphertext and the 128-bit tag. The additional data binds a value to its row (`user:12`), so a value
 * copied into another row does not open. A value without the prefix is a plaintext one written before encryption
 * and is returned as it is (the server seals those at start, `sealed` tells them apart).
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The key of a SecretBox is 32 bytes (AES-256).');
  }

  seal(plain: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return version + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  open(stored: string, aad: string): string {
    if (!sealed(stored)) return stored;
    const raw = Buffer.from(stored.slice(version.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  }
}

export function sealed(stored: string): boolean {
  return stored.startsWith(version);
}

let processKey: Buffer | undefined;

/**
 * A key for this process only: for the tools and tests that never read a second factor back after a restart. The
 * server always passes the key of its data directory or configuration (src/server/accounts/totp-key.ts).
 */
export function processSecretBox(): SecretBox {
  processKey ??= randomBytes(32);
  return new SecretBox(processKey);
}
