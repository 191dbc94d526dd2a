/**
 * Domain errors carry a stable code (CONVENTIONS 6). One handler in the server maps a code to an HTTP
 * status and to the message id `error.<code>` that the UI translates.
 */
export const errorCodes = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  'city.not_found': 404,
  'city.exists': 409,
  'job.not_found': 404,
  'job.not_cancellable': 409,
  'job.not_retryable': 409,
  'store.locked': 409,
  'store.not_empty': 409,
  'backup.invalid': 400,
  'backup.incompatible': 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return errorCodes[code];
}

export function messageIdOf(code: ErrorCode): string {
  return `error.${code}`;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}
