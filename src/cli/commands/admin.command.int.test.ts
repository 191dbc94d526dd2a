import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { runCli, startServer } from '../../../test/support/cli.ts';

describe('safer admin', { timeout: 240_000 }, () => {
  const root = `${inject('testRoot')}/admin-${process.pid}`;
  const passwordFile = `${root}/password.txt`;
  mkdirSync(root, { recursive: true });
  writeFileSync(passwordFile, 'violet-harbour-lantern-42\n', { mode: 0o600 });

  it('creates an administrator on the store, audited as the operator, and refuses a weak password', async () => {
    const env = { SAFER_DATA_DIR: `${root}/local` };
    const created = await runCli(['admin', 'create', '--email', 'Chief@Example.org', '--password-file', passwordFile], env);
    expect(created.stderr).toMatch(/administrator chief@example\.org created/);
    expect(created.code).toBe(0);
    const again = await runCli(['admin', 'create', '--email', 'chief@example.org', '--password-file', passwordFile], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    writeFileSync(`${root}/weak.txt`, 'password1234');
    const weak = await runCli(['admin', 'create', '--email', 'b@example.org', '--password-file', `${root}/weak.txt`], env);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/most common/);
    const missing = await runCli(['admin', 'create', '--email', 'c@example.org', '--password-file', `${root}/nope.txt`], env);
    expect(missing.code).toBe(1);
    const audit = await runCli(['admin', 'audit', '--action', 'user.create'], env);
    expect(audit.stdout.split('\n')[0]).toBe('id,at,actor,action,target,scope,fields');
    expect(audit.stdout).toMatch(/system:operator,user\.create,user:1,,displayName email password/);
    expect(audit.stdout).not.toContain('violet-harbour');
  });

  it('prints a one-time setup link on the first start of an empty store, and goes through a running server', async () => {
    const env = { SAFER_DATA_DIR: `${root}/served`, SAFER_DEMO: '0' };
    const server = await startServer(env);
    try {
      const link = /First run: create the platform's first administrator at (http:\/\/localhost:\d+\/setup#token=[\w-]{43})/.exec(server.output());
      expect(link, server.output()).not.toBeNull();
      const token = new URL(link![1]!).hash.slice('#token='.length);
      const inspect = await fetch(`${server.url}/api/v1/setup/inspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(inspect.status).toBe(200);
      const created = await runCli(['admin', 'create', '--email', 'ops@example.org', '--password-file', passwordFile, '--name', 'Ops'], env);
      expect(created.code, created.stderr).toBe(0);
      // An administrator exists: the link no longer works.
      const late = await fetch(`${server.url}/api/v1/setup/inspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(late.status).toBe(409);
      const audit = await runCli(['admin', 'audit', '--format', 'json'], env);
      expect(JSON.parse(audit.stdout)[0]).toMatchObject({ actor: 'system:operator', action: 'grant.add' });
      expect(server.output()).toMatch(/mails are also written to .*served\/mail/);
    } finally {
      await server.stop();
    }
    const again = await startServer(env);
    try {
      expect(again.output()).not.toMatch(/First run/);
    } finally {
      await again.stop();
    }
  });
});
