// A failed write's error, placed next to the field it names: the server's 400 lists fields in
// `details`, and a 409 `city.exists` is about the slug.
import { ApiError } from '../../api/client.ts';

export type FieldProblem = { messageId: string; message: string };

/** The problems of each named field, and the error that names no field (shown above the form). */
export function fieldErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
): { byField: Partial<Record<F, FieldProblem>>; general: unknown } {
  const byField: Partial<Record<F, FieldProblem>> = {};
  if (!(error instanceof ApiError)) return { byField, general: error };
  if (error.code === 'city.exists' && (fields as readonly string[]).includes('slug')) {
    byField['slug' as F] = { messageId: error.messageId, message: '' };
    return { byField, general: undefined };
  }
  const details = Array.isArray(error.details) ? (error.details as unknown[]) : [];
  for (const detail of details) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { field, message } = detail as { field?: unknown; message?: unknown };
    const name = typeof field === 'string' ? field.split('.')[0] : undefined;
    if (name && (fields as readonly string[]).includes(name) && !byField[name as F]) {
      byField[name as F] = { messageId: error.messageId, message: typeof message === 'string' ? message : '' };
    }
  }
  return { byField, general: Object.keys(byField).length > 0 ? undefined : error };
}
