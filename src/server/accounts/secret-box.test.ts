import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, sealed } from './secret-box.ts';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('seals a secret into something that neither is nor contains it, and opens it again', () => {
    const a = box.seal(secret, 'user:1');
    const b = box.seal(secret, 'user:1');
    expect(sealed(a)).toBe(true);
    expect(a).not.toContain(secret);
    expect(a).not.toBe(b);
    expect(box.open(a, 'user:1')).toBe(secret);
  });

  it("refuses a value moved to another row, tampered with, or sealed with another key", () => {
    const a = box.seal(secret, 'user:1');
    expect(() => box.open(a, 'user:2')).toThrow();
    const last = a.at(-1) === 'A' ? 'B' : 'A';
    expect(() => box.open(a.slice(0, -1) + last, 'user:1')).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(a, 'user:1')).toThrow();
  });

  it('returns a plaintext value written before encryption as it is', () => {
    expect(sealed(secret)).toBe(false);
    expect(box.open(secret, 'user:1')).toBe(secret);
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
