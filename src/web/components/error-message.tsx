import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../api/client.ts';
import { errorMessageFor } from '../api/error-messages.ts';

/**
 * Shows a failed call in the reader's language: the server's `messageId` when the catalogue has
 * it, else the generic internal error; the request id (data, not text) helps support find it.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const intl = useIntl();
  const apiError = error instanceof ApiError ? error : undefined;
  const message = errorMessageFor(apiError?.messageId ?? 'error.internal', (id) => id in intl.messages);
  return (
    <div className="error" role="alert">
      <p>{intl.formatMessage(message)}</p>
      {apiError?.requestId && (
        <p className="error-reference">
          <FormattedMessage
            id="error.reference"
            defaultMessage="Reference: {requestId}"
            values={{
              requestId: (
                <code data-i18n-exempt translate="no">
                  {apiError.requestId}
                </code>
              ),
            }}
          />
        </p>
      )}
    </div>
  );
}
