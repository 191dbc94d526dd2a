import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildTestApp } from '../../../test/support/app.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/stores.ts';
import { noMailer } from '../mail/mailer.ts';
import type { Services } from '../services.ts';
import { login, makeUser, strongPassword } from './accounts.test-support.ts';
import { totpCode } from './totp.ts';
import { ensureTotpKey } from './totp-key.ts';

describe.each(storeKinds())('TOTP secrets at rest on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let services: Services;
  const key = randomBytes(32);

  beforeAll(async () => {
    store = await openTestStore(kind);
    ({ app, services } = await buildTestApp(store, { accounts: { publicUrl: 'http://localhost/', mailer: noMailer, totpKey: key } }));
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  const stored = async (id: number) =>
    (await sql<{ totp_secret: string | null }>`select totp_secret from users where id = ${id}`.execute(services.store.db)).rows[0]!.totp_secret;

  it('stores the secret encrypted, never as it is, and signs in with it', async () => {
    const { id, secret } = await makeUser(services, 'enc@example.org', [], { totp: true });
    const column = await stored(id);
    expect(column).toMatch(/^v1:[\w-]+$/);
    expect(column).not.toContain(secret!);
    expect((await login(app, { email: 'enc@example.org', password: strongPassword, totp: totpCode(secret!) })).statusCode).toBe(200);
  });

  it('keeps a secret stored in plaintext before encryption working, and seals it', async () => {
    const { id, secret } = await makeUser(services, 'old@example.org', [], { totp: true });
    // As a row written before encryption holds it.
    await sql`update users set totp_secret = ${secret!} where id = ${id}`.execute(services.store.db);
    expect(await stored(id)).toBe(secret);
    expect((await login(app, { email: 'old@example.org', password: strongPassword, totp: totpCode(secret!) })).statusCode).toBe(200);
    expect(await services.accounts.users.sealPlaintextTotpSecrets()).toBe(1);
    expect(await services.accounts.users.sealPlaintextTotpSecrets()).toBe(0);
    expect(await stored(id)).toMatch(/^v1:/);
    expect((await login(app, { email: 'old@example.org', password: strongPassword, totp: totpCode(secret!, Date.now() + 30_000) })).statusCode).toBe(200);
  });
});

describe('the TOTP key', () => {
  it('is made once in the data directory, readable only by its owner, or taken from the configuration', () => {
    const dataDir = `${inject('testRoot')}/totp-key-${process.pid}/data`;
    const first = ensureTotpKey({ dataDir });
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'totp-key')).mode & 0o777).toBe(0o600);
    expect(ensureTotpKey({ dataDir }).equals(first)).toBe(true);
    const configured = randomBytes(32);
    expect(ensureTotpKey({ dataDir, totpKey: configured.toString('base64') }).equals(configured)).toBe(true);
    expect(() => ensureTotpKey({ dataDir, totpKey: 'c2hvcnQ=' })).toThrow(/32 bytes/);
  });
});
