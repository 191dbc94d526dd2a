import { FormattedDate, FormattedMessage, FormattedNumber, FormattedTime, useIntl } from 'react-intl';
import type { Job } from '../api/types.ts';
import { kindLabel, statusLabels } from './job-labels.ts';

type Props = {
  jobs: Job[];
  busy: number | undefined;
  onCancel: (job: Job) => void;
  onRetry: (job: Job) => void;
};

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span aria-hidden="true">—</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso}>
      <FormattedDate value={date} dateStyle="medium" />{' '}
      <FormattedTime value={date} timeStyle="medium" />
    </time>
  );
}

function Progress({ job }: { job: Job }) {
  const intl = useIntl();
  const { done, total } = job.progress;
  const label = intl.formatMessage(
    { id: 'jobs.progress.label', defaultMessage: 'Progress of job {id, number, ::group-off}' },
    { id: job.id },
  );
  if (total === null || total <= 0) {
    return (
      <>
        <progress aria-label={label} />{' '}
        <FormattedMessage
          id="jobs.progress.items"
          defaultMessage="{done, plural, one {# item} other {# items}}"
          values={{ done }}
        />
      </>
    );
  }
  return (
    <>
      <progress aria-label={label} value={Math.min(done, total)} max={total} />{' '}
      <FormattedNumber value={Math.min(done / total, 1)} style="percent" />
      {job.progress.note && (
        <span className="job-note" data-i18n-exempt>
          {job.progress.note}
        </span>
      )}
    </>
  );
}

export function JobsTable({ jobs, busy, onCancel, onRetry }: Props) {
  return (
    <div className="table-scroll">
      <table className="jobs-table">
        <caption>
          <FormattedMessage id="jobs.table.caption" defaultMessage="Jobs, newest first" />
        </caption>
        <thead>
          <tr>
            <th scope="col"><FormattedMessage id="jobs.column.id" defaultMessage="Job" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.kind" defaultMessage="Kind" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.status" defaultMessage="Status" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.progress" defaultMessage="Progress" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.attempts" defaultMessage="Attempts" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.runAt" defaultMessage="Runs at" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.createdAt" defaultMessage="Created" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.finishedAt" defaultMessage="Finished" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.error" defaultMessage="Error" /></th>
            <th scope="col"><FormattedMessage id="jobs.column.actions" defaultMessage="Actions" /></th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const kind = kindLabel(job.kind);
            const canCancel = (job.status === 'queued' || job.status === 'running') && !job.cancelRequested;
            const canRetry = job.status === 'failed' || job.status === 'cancelled';
            return (
              <tr key={job.id}>
                <td><FormattedNumber value={job.id} useGrouping={false} /></td>
                <td>
                  {kind ? <FormattedMessage {...kind} /> : (
                    <code data-i18n-exempt translate="no">{job.kind}</code>
                  )}
                </td>
                <td>
                  <span className={`status status-${job.status}`}>
                    <FormattedMessage {...statusLabels[job.status]} />
                  </span>
                  {job.cancelRequested && job.status === 'running' && (
                    <> <FormattedMessage id="jobs.status.cancelling" defaultMessage="(cancelling…)" /></>
                  )}
                </td>
                <td><Progress job={job} /></td>
                <td>
                  <FormattedMessage
                    id="jobs.attempts"
                    defaultMessage="{attempts, number} of {maxAttempts, number}"
                    values={{ attempts: job.attempts, maxAttempts: job.maxAttempts }}
                  />
                </td>
                <td><When iso={job.runAt} /></td>
                <td><When iso={job.createdAt} /></td>
                <td><When iso={job.finishedAt} /></td>
                <td>{job.error && <span className="job-error" data-i18n-exempt>{job.error}</span>}</td>
                <td className="actions">
                  {canCancel && (
                    <button type="button" disabled={busy === job.id} onClick={() => onCancel(job)}>
                      <FormattedMessage id="jobs.action.cancel" defaultMessage="Cancel" />
                      <span className="visually-hidden">
                        {' '}<FormattedMessage id="jobs.action.jobNumber" defaultMessage="job {id, number, ::group-off}" values={{ id: job.id }} />
                      </span>
                    </button>
                  )}
                  {canRetry && (
                    <button type="button" disabled={busy === job.id} onClick={() => onRetry(job)}>
                      <FormattedMessage id="jobs.action.retry" defaultMessage="Retry" />
                      <span className="visually-hidden">
                        {' '}<FormattedMessage id="jobs.action.jobNumber" defaultMessage="job {id, number, ::group-off}" values={{ id: job.id }} />
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
