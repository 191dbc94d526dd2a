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
  'units.bad_file': 400,
  'units.bad_crs': 400,
  'units.bad_field': 400,
  'population.bad_file': 400,
  'population.bad_header': 400,
  'import.profile_invalid': 400,
  'import.file_unreadable': 400,
  'import.unsupported_format': 400,
  'import.missing_column': 400,
  'import.not_found': 404,
  'import.not_undoable': 409,
  'auth.invalid_credentials': 401,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.second_factor_required': 403,
  'auth.person_required': 403,
  'auth.deactivated': 403,
  'auth.csrf': 403,
  'auth.bad_origin': 403,
  'auth.throttled': 429,
  'auth.totp_enabled': 409,
  'auth.totp_not_started': 409,
  'account.exists': 409,
  'account.not_found': 404,
  'account.weak_password': 400,
  'account.last_administrator': 409,
  'grant.not_allowed': 403,
  'grant.token_only': 400,
  'token.not_found': 404,
  'token.role_not_allowed': 400,
  'invitation.not_found': 404,
  'auth.wrong_password': 403,
  'link.invalid': 404,
  'link.expired': 410,
  'link.used': 410,
  'setup.done': 409,
  'mail.failed': 502,
  // Indicators and the monitoring framework (issue 5).
  'indicator.not_found': 404,
  'indicator.exists': 409,
  'monitoring.not_found': 404,
  'survey.bad_file': 400,
  'survey.bad_form': 400,
  'survey.bad_mapping': 400,
  'survey.not_found': 404,
  'survey.unknown_question': 400,
  // Community reporting (issue 7).
  'community.category_unknown': 400,
  'community.unit_unknown': 400,
  'community.report_not_found': 404,
  'community.idempotency_mismatch': 409,
  'community.form_invalid': 400,
  'community.proof_of_work': 400,
  'community.photo_invalid': 400,
  'community.rate_limited': 429,
  'review.cycle_not_found': 404,
  'review.cycle_exists': 409,
  'review.not_found': 404,
  'review.already_requested': 409,
  'review.not_approved': 409,
  'review.unknown_question': 404,
  'review.answer_conflict': 409,
  'review.not_submitted': 409,
  'review.already_cleared': 409,
  'review.confidential': 403,
  'review.thread_not_found': 404,
  'review.proposal_conflict': 409,
  'review.bad_proposal': 400,
  'review.file_not_found': 404,
  'review.file_too_large': 413,
  'review.export_unavailable': 503,
  'upload.too_large': 413,
  // Review mechanism, part 2 (issue 9)
  'review.document_not_found': 404,
  'review.publication_blocked': 409,
  'review.item_not_found': 404,
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
