import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

describe('safer tokens and safer audit export', { timeout: 240_000 }, () => {
  const root = `${inject('testRoot')}/tokens-${process.pid}`;
  mkdirSync(root, { recursive: true });

  it('makes a token whose secret only stdout shows, lists it without the secret, and revokes it, audited as the operator', async () => {
    const env = { SAFER_DATA_DIR: `${root}/local` };
    expect((await runCli(['city', 'add', 'nairobi', '--name', 'Nairobi', '--country', 'KEN', '--timezone', 'Africa/Nairobi'], env)).code).toBe(0);
    const made = await runCli(['tokens', 'create', '--name', 'Open311 gateway', '--grant', 'city:open311_client=nairobi', '--days', '30'], env);
    expect(made.code, made.stderr).toBe(0);
    const secret = made.stdout.trim();
    expect(secret).toMatch(/^sct_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/API token 1 \(Open311 gateway\) made/);

    const refused = await runCli(['tokens', 'create', '--name', 'x', '--grant', 'platform:secretariat'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/may not carry platform:secretariat/);
    expect((await runCli(['tokens', 'create', '--name', 'x', '--grant', 'city:viewer=nairobi', '--days', '999'], env)).code).toBe(1);

    const list = await runCli(['tokens', 'list', '--city', 'nairobi'], env);
    expect(list.stdout.split('\n')[0]).toBe('id,name,prefix,grants,status,createdBy,createdAt,expiresAt,revokedAt,lastUsedAt');
    expect(list.stdout).toMatch(/^1,Open311 gateway,sct_\S{8},city:open311_client=nairobi,active,system:operator,/m);
    expect(list.stdout).not.toContain(secret);

    expect((await runCli(['tokens', 'revoke', '1'], env)).code).toBe(0);
    const after = await runCli(['tokens', 'list', '--format', 'json'], env);
    expect(JSON.parse(after.stdout)[0]).toMatchObject({ id: 1, status: 'revoked' });
    expect((await runCli(['tokens', 'revoke', '7'], env)).code).toBe(1);

    const audit = await runCli(['admin', 'audit', '--action', 'token.*'], env);
    expect(audit.stdout).toMatch(/system:operator,token\.revoke,api_token:1/);
    expect(audit.stdout).toMatch(/system:operator,token\.create,api_token:1,city:nairobi,city:open311_client expiresAt name/);
    expect(audit.stdout).not.toContain(secret.slice(4));

    const exported = await runCli(['audit', 'export', '--action', 'token.*'], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split('\n')).toEqual([
      'id,at,actor,action,target,scope,fields,count',
      expect.stringMatching(/,system:operator,token\.revoke,api_token:1,,revokedAt,$/),
      expect.stringMatching(/,system:operator,token\.create,api_token:1,city:nairobi,city:open311_client expiresAt name,$/),
    ]);
    expect(exported.stderr).toMatch(/2 audit log entries exported/);
    const again = await runCli(['audit', 'export', '--action', 'audit.export', '--format', 'json'], env);
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ actor: 'system:operator', action: 'audit.export', fields: 'action', count: 2 });
    expect((await runCli(['audit', 'export', '--from', 'yesterday'], env)).code).toBe(1);
  });
});
