import { hmacBase64url, randomToken, sha256Hex } from './secrets.ts';

/** The cookie that carries a session's random token; `__Host-` pins it to this origin when served over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-safer_session' : 'safer_session';
}

/** A new session token and the id under which the store keeps it (its SHA-256). */
export function newSessionToken(): { token: string; id: string } {
  const token = randomToken();
  return { token, id: sha256Hex(token) };
}

export function sessionIdOf(token: string): string {
  return sha256Hex(token);
}

/**
 * The session's CSRF token: derived from the session token (HMAC), so it needs no storage, changes with every
 * session, and cannot be computed by anyone who cannot read the httpOnly cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return hmacBase64url(sessionToken, 'safer-csrf-v1');
}
