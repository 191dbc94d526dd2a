import { DomainError } from '../../core/errors.ts';
import type { LinkKind, LinkRepository, NewLink, OneTimeLink } from './link.repository.ts';
import { randomToken, sha256Hex } from './secrets.ts';

/**
 * Single-use, expiring links (first-run setup, invitations, password resets). The token travels in the link's
 * fragment (`/setup#token=…`), so it reaches neither server logs nor Referer headers; the store keeps its SHA-256.
 */
export class OneTimeLinkService {
  constructor(
    private readonly links: LinkRepository,
    /** Read at each link: the server sets the URL once it knows its port. */
    private readonly site: { publicUrl: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a link; returns the token and the page URL that carries it. */
  async issue(page: string, link: Omit<NewLink, 'tokenHash'>): Promise<{ token: string; url: string; link: OneTimeLink }> {
    const token = randomToken();
    const created = await this.links.insert({ ...link, tokenHash: sha256Hex(token) });
    const url = new URL(page, this.site.publicUrl);
    url.hash = `token=${token}`;
    return { token, url: url.toString(), link: created };
  }

  /** The link behind a token, if it still works; else `link.invalid`, `link.used` or `link.expired`. */
  async inspect(kind: LinkKind, token: string): Promise<OneTimeLink> {
    const link = /^[\w-]{20,100}$/.test(token) ? await this.links.findByHash(kind, sha256Hex(token)) : undefined;
    if (!link || link.revokedAt) throw new DomainError('link.invalid', 'This link is not valid. Ask for a new one.');
    if (link.usedAt) throw new DomainError('link.used', 'This link was already used. Ask for a new one.');
    if (link.expiresAt.getTime() <= this.now().getTime()) throw new DomainError('link.expired', 'This link has expired. Ask for a new one.');
    return link;
  }

  /** Uses a link once: of two requests racing with the same token, one wins and the other gets `link.used`. */
  async consume(kind: LinkKind, token: string): Promise<OneTimeLink> {
    const link = await this.inspect(kind, token);
    if (!(await this.links.consume(link.id, this.now()))) {
      throw new DomainError('link.used', 'This link was already used. Ask for a new one.');
    }
    return link;
  }

  find(kind: LinkKind, id: number): Promise<OneTimeLink | undefined> {
    return this.links.find(kind, id);
  }

  list(kind: LinkKind, limit = 500): Promise<OneTimeLink[]> {
    return this.links.list(kind, limit);
  }

  /** A link's state at this moment. */
  statusOf(link: OneTimeLink): 'open' | 'used' | 'revoked' | 'expired' {
    if (link.usedAt) return 'used';
    if (link.revokedAt) return 'revoked';
    return link.expiresAt.getTime() <= this.now().getTime() ? 'expired' : 'open';
  }

  revoke(id: number): Promise<void> {
    return this.links.revoke(id);
  }

  revokeOpen(kind: LinkKind, email?: string): Promise<void> {
    return this.links.revokeOpen(kind, email);
  }
}
