// The messages of the server's error codes (src/core/errors.ts: code `x` → message id `error.x`).
// Listed here so that the catalogue check sees them; a message id the server sends that is not
// listed is still shown when the catalogue has it, else the generic internal error is.
import { defineMessages, type MessageDescriptor } from 'react-intl';

export const errorMessages = defineMessages({
  internal: { id: 'error.internal', defaultMessage: 'Something went wrong on the server. Please try again later.' },
  network: { id: 'error.network', defaultMessage: 'The server cannot be reached. Check the connection and try again.' },
  validation: { id: 'error.validation', defaultMessage: 'Some of the information sent is not valid.' },
  notFound: { id: 'error.not_found', defaultMessage: 'What you asked for was not found.' },
  unauthorized: { id: 'error.unauthorized', defaultMessage: 'You need to sign in, or the administrator token is wrong.' },
  forbidden: { id: 'error.forbidden', defaultMessage: 'You are not allowed to do this.' },
  conflict: { id: 'error.conflict', defaultMessage: 'This cannot be done in the current state. Reload and try again.' },
  cityNotFound: { id: 'error.city.not_found', defaultMessage: 'This city was not found.' },
  cityExists: { id: 'error.city.exists', defaultMessage: 'A city with this identifier already exists.' },
  jobNotFound: { id: 'error.job.not_found', defaultMessage: 'This job was not found.' },
  jobNotCancellable: { id: 'error.job.not_cancellable', defaultMessage: 'This job has already finished and cannot be cancelled.' },
  jobNotRetryable: { id: 'error.job.not_retryable', defaultMessage: 'Only a failed or cancelled job can be retried.' },
  storeLocked: { id: 'error.store.locked', defaultMessage: 'The data store is in use by another process. Try again in a moment.' },
  storeNotEmpty: { id: 'error.store.not_empty', defaultMessage: 'The data store already holds data.' },
  backupInvalid: { id: 'error.backup.invalid', defaultMessage: 'This file is not a valid backup.' },
  backupIncompatible: { id: 'error.backup.incompatible', defaultMessage: 'This backup was made by an incompatible version of the platform.' },
});

const byId = new Map<string, MessageDescriptor>(Object.values(errorMessages).map((m) => [String(m.id), m]));

/** The message for a server `messageId`; `known` says whether the catalogue has one. */
export function errorMessageFor(messageId: string, known: (id: string) => boolean): MessageDescriptor {
  const listed = byId.get(messageId);
  if (listed) return listed;
  return known(messageId) ? { id: messageId } : errorMessages.internal;
}
