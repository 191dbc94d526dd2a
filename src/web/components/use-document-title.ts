import { useEffect } from 'react';
import { useIntl } from 'react-intl';

/** Sets the tab's title to "{page} – {app}" in the reader's language. */
export function useDocumentTitle(page: string | undefined): void {
  const intl = useIntl();
  useEffect(() => {
    if (page === undefined) return;
    const app = intl.formatMessage({ id: 'app.name', defaultMessage: 'Safer Cities Platform' });
    document.title = intl.formatMessage({ id: 'app.documentTitle', defaultMessage: '{page} – {app}' }, { page, app });
  }, [intl, page]);
}
