import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { ImportBatch } from '../../api/types.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { importStatusLabels, totalLabels, totalsOrder } from './import-labels.ts';
import { RejectedRows } from './rejected-rows.tsx';

type Props = { slug: string; token: string; batch: ImportBatch; error: unknown };

/** Says the status, and while running how far in quarters: the text changes, and is spoken, only then. */
function Announcement({ batch }: { batch: ImportBatch }) {
  const intl = useIntl();
  const { done, total } = batch.progress;
  const status = intl.formatMessage(importStatusLabels[batch.status]);
  if (batch.status !== 'running' || !total) {
    return <FormattedMessage id="imports.announce.status" defaultMessage="Import {id, number, ::group-off}: {status}." values={{ id: batch.batchId, status }} />;
  }
  const quarter = Math.min(4, Math.floor((done / total) * 4)) / 4;
  return (
    <FormattedMessage
      id="imports.announce.progress"
      defaultMessage="Import {id, number, ::group-off}: {percent, number, ::percent} done."
      values={{ id: batch.batchId, percent: quarter }}
    />
  );
}

/** One import being followed: its progress while it runs, then its totals and rejected rows. */
export function ImportStatus({ slug, token, batch, error }: Props) {
  const intl = useIntl();
  const { done, total } = batch.progress;
  const label = intl.formatMessage(
    { id: 'imports.progress.label', defaultMessage: 'Progress of import {id, number, ::group-off}' },
    { id: batch.batchId },
  );
  return (
    <section className="import-status" aria-labelledby="import-status-heading" data-status={batch.status}>
      <h2 id="import-status-heading">
        <FormattedMessage
          id="imports.current.title"
          defaultMessage="Import {id, number, ::group-off}"
          values={{ id: batch.batchId }}
        />
      </h2>
      <p className="visually-hidden import-announcer" role="status">
        <Announcement batch={batch} />
      </p>
      <p>
        <span data-i18n-exempt translate="no">{batch.fileName}</span>{' '}
        <span className={`status status-${batch.status}`}>
          <FormattedMessage {...importStatusLabels[batch.status]} />
        </span>
      </p>
      {batch.status === 'running' && (
        <p className="import-progress">
          {total && total > 0 ? (
            <>
              <progress aria-label={label} value={Math.min(done, total)} max={total} />{' '}
              <FormattedNumber value={Math.min(done / total, 1)} style="percent" />
            </>
          ) : (
            <>
              <progress aria-label={label} />{' '}
              <FormattedMessage id="imports.progress.waiting" defaultMessage="Waiting for the import to start…" />
            </>
          )}
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {batch.status === 'failed' && (
        <div className="error" role="alert">
          <p>
            <FormattedMessage id="imports.failed" defaultMessage="The import failed: no record of this file was kept." />
          </p>
          {batch.error && (
            <p lang="en" data-i18n-exempt>
              {batch.error}
            </p>
          )}
        </div>
      )}
      {(batch.status === 'complete' || batch.status === 'undone') && (
        <>
          <dl className="totals">
            {totalsOrder.map((key) => (
              <div key={key} className={`total total-${key}`}>
                <dt>
                  <FormattedMessage {...totalLabels[key]} />
                </dt>
                <dd>
                  <FormattedNumber value={batch.totals[key]} />
                </dd>
              </div>
            ))}
          </dl>
          <RejectedRows slug={slug} batchId={batch.batchId} token={token} />
        </>
      )}
    </section>
  );
}
