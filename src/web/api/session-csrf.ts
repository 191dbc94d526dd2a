// The CSRF token of the signed-in session (GET /api/v1/auth/session returns it). A request authenticated by the
// session cookie that changes something must send it as x-csrf-token; one with a bearer token needs none.
let current: string | undefined;

export function setSessionCsrfToken(token: string | undefined): void {
  current = token;
}

/** The header to add to a state-changing request made with the session cookie. */
export function csrfHeader(): Record<string, string> {
  return current ? { 'x-csrf-token': current } : {};
}
