import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { getCity, listImports } from '../../api/client.ts';
import type { ImportBatch } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { TokenForm, useOperatorToken } from '../../components/token-form.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { pathOf } from '../../use-route.ts';
import { ImportForm } from './import-form.tsx';
import { ImportStatus } from './import-status.tsx';
import { PastImports } from './past-imports.tsx';
import { useImportBatch } from './use-import-batch.ts';
import { latestOf, useLoad } from './use-load.ts';

/** The operator's page to import a city's incident records, follow an import and undo one. */
export function ImportsPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [token, setToken] = useOperatorToken();
  const [started, setStarted] = useState<ImportBatch>();
  const [tick, setTick] = useState(0);
  const city = useLoad(slug, (signal) => getCity(slug, signal));
  const past = useLoad(token ? JSON.stringify([slug, token, tick]) : undefined, (signal) =>
    listImports(slug, token, signal),
  );
  const followed = useImportBatch(slug, started, token);
  const name = latestOf(city)?.name;
  const title = intl.formatMessage({ id: 'imports.title', defaultMessage: 'Import incident records' });
  useDocumentTitle(name ? `${title} – ${name}` : title);

  // A finished import changes the list of past imports.
  const finished = followed && followed.batch.status !== 'running' ? followed.batch.status : undefined;
  useEffect(() => {
    if (finished) setTick((t) => t + 1);
  }, [finished]);

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'city', slug })}>
          {name ? (
            <FormattedMessage
              id="imports.backToCity"
              defaultMessage="Back to {city}"
              values={{ city: <span data-i18n-exempt translate="no">{name}</span> }}
            />
          ) : (
            <FormattedMessage id="imports.backToCityPage" defaultMessage="Back to the city" />
          )}
        </AppLink>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {name && (
        <p className="subtitle" data-i18n-exempt translate="no">
          {name}
        </p>
      )}
      {city.state === 'failed' && <ErrorMessage error={city.error} />}
      <p>
        <FormattedMessage
          id="imports.intro"
          defaultMessage="Upload police or health records with the profile that says how to read them. The import runs on the server; this page follows it, then shows its totals and the rows it rejected."
        />
      </p>
      <TokenForm
        token={token}
        onSubmit={(next) => {
          setToken(next);
          setTick((t) => t + 1);
        }}
        submitLabel={<FormattedMessage id="imports.token.submit" defaultMessage="Use this token" />}
      />
      {!token ? (
        <p className="notice">
          <FormattedMessage
            id="imports.token.needed"
            defaultMessage="Enter the administrator token to import records and see past imports."
          />
        </p>
      ) : (
        <>
          <section aria-labelledby="new-import-heading">
            <h2 id="new-import-heading">
              <FormattedMessage id="imports.new.title" defaultMessage="New import" />
            </h2>
            <ImportForm slug={slug} token={token} onStarted={setStarted} />
          </section>
          {followed && (
            <ImportStatus slug={slug} token={token} batch={followed.batch} error={followed.error} />
          )}
          <section aria-labelledby="past-imports-heading">
            <h2 id="past-imports-heading">
              <FormattedMessage id="imports.past.title" defaultMessage="Past imports" />
            </h2>
            {past.state === 'loading' && !past.previous && (
              <p role="status">
                <FormattedMessage id="imports.past.loading" defaultMessage="Loading past imports…" />
              </p>
            )}
            {past.state === 'failed' && <ErrorMessage error={past.error} />}
            {latestOf(past) && (
              <PastImports
                slug={slug}
                token={token}
                imports={latestOf(past) ?? []}
                onChanged={() => setTick((t) => t + 1)}
              />
            )}
          </section>
        </>
      )}
    </>
  );
}
