import { DomainError, isErrorCode } from '../core/errors.ts';

/** A small client for the running server's API, used when the server holds the store (DESIGN §3). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new Error(`The server at ${this.baseUrl} holds the data directory but does not answer: ${(err as Error).message}`);
    }
    const text = await res.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
      const code = e?.code && isErrorCode(e.code) ? e.code : 'internal';
      throw new DomainError(code, e?.message ?? `HTTP ${res.status}`, e?.details);
    }
    return json as T;
  }
}
