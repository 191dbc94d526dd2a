import { useState } from 'react';
import { FormattedMessage, FormattedTime } from 'react-intl';
import { cancelJob, retryJob } from '../api/client.ts';
import type { Job } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { TokenForm, useOperatorToken } from '../components/token-form.tsx';
import { isSecretariat, useSession } from './account/session-context.tsx';
import { JobsTable } from './jobs-table.tsx';
import { useJobs } from './use-jobs.ts';

type Outcome = { kind: 'cancelled' | 'retried'; id: number } | { kind: 'failed'; error: unknown };

export function JobsPage() {
  const [token, setToken] = useOperatorToken();
  const [busy, setBusy] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  // A signed-in secretariat administrator sees the jobs with their session; the token stays for the operator.
  const viaSession = isSecretariat(useSession().state);
  const { jobs, refresh } = useJobs(token, viaSession);

  const submit = (next: string) => {
    setOutcome(undefined);
    setToken(next);
    refresh();
  };

  const act = (action: 'cancel' | 'retry') => async (job: Job) => {
    setBusy(job.id);
    try {
      await (action === 'cancel' ? cancelJob(job.id, token) : retryJob(job.id, token));
      setOutcome({ kind: action === 'cancel' ? 'cancelled' : 'retried', id: job.id });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(undefined);
      refresh();
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="jobs.title" defaultMessage="Jobs" />
      </h1>
      <p>
        <FormattedMessage
          id="jobs.intro"
          defaultMessage="Imports, scheduled deletions, reminders and reports run as jobs. This page refreshes every two seconds."
        />
      </p>
      {viaSession ? (
        <details className="token-fallback">
          <summary>
            <FormattedMessage id="jobs.token.fallback" defaultMessage="Use the operator token instead" />
          </summary>
          <TokenForm token={token} onSubmit={submit} submitLabel={<FormattedMessage id="jobs.token.submit" defaultMessage="Show jobs" />} />
        </details>
      ) : (
        <TokenForm
          token={token}
          onSubmit={submit}
          submitLabel={<FormattedMessage id="jobs.token.submit" defaultMessage="Show jobs" />}
        />
      )}
      <div aria-live="polite" className="outcome">
        {outcome?.kind === 'cancelled' && (
          <p><FormattedMessage id="jobs.outcome.cancelled" defaultMessage="Job {id, number, ::group-off} was asked to stop." values={{ id: outcome.id }} /></p>
        )}
        {outcome?.kind === 'retried' && (
          <p><FormattedMessage id="jobs.outcome.retried" defaultMessage="Job {id, number, ::group-off} is queued again." values={{ id: outcome.id }} /></p>
        )}
      </div>
      {outcome?.kind === 'failed' && <ErrorMessage error={outcome.error} />}
      {jobs.state === 'idle' && (
        <p className="notice">
          <FormattedMessage id="jobs.token.needed" defaultMessage="Enter the administrator token to see the jobs." />
        </p>
      )}
      {jobs.state === 'loading' && (
        <p role="status"><FormattedMessage id="jobs.loading" defaultMessage="Loading jobs…" /></p>
      )}
      {jobs.state === 'failed' && <ErrorMessage error={jobs.error} />}
      {jobs.state === 'loaded' && (
        <>
          <p className="updated">
            <FormattedMessage
              id="jobs.updated"
              defaultMessage="Updated at {time}"
              values={{ time: <time dateTime={jobs.at.toISOString()}><FormattedTime value={jobs.at} timeStyle="medium" /></time> }}
            />
          </p>
          {jobs.jobs.length === 0 ? (
            <p className="empty-state">
              <FormattedMessage id="jobs.empty" defaultMessage="No jobs yet." />
            </p>
          ) : (
            <JobsTable jobs={jobs.jobs} busy={busy} onCancel={act('cancel')} onRetry={act('retry')} />
          )}
        </>
      )}
    </>
  );
}
