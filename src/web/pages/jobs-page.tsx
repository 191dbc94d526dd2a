import { type FormEvent, useState } from 'react';
import { FormattedMessage, FormattedTime } from 'react-intl';
import { cancelJob, retryJob } from '../api/client.ts';
import type { Job } from '../api/types.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { JobsTable } from './jobs-table.tsx';
import { useJobs } from './use-jobs.ts';

// Until user accounts exist, the administrator pages use the operator token the server keeps in
// its data directory; it lasts for this browser tab only.
const tokenKey = 'safer.operatorToken';

function storedToken(): string {
  try {
    return window.sessionStorage.getItem(tokenKey) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(tokenKey, token);
    else window.sessionStorage.removeItem(tokenKey);
  } catch {
    // Storage may be disabled; the token then lasts until the page is left.
  }
}

type Outcome = { kind: 'cancelled' | 'retried'; id: number } | { kind: 'failed'; error: unknown };

export function JobsPage() {
  const [token, setToken] = useState(storedToken);
  const [draft, setDraft] = useState(token);
  const [busy, setBusy] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { jobs, refresh } = useJobs(token);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    storeToken(next);
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
      <form className="token-form" onSubmit={submit}>
        <label htmlFor="admin-token">
          <FormattedMessage id="jobs.token.label" defaultMessage="Administrator token" />
        </label>
        <input
          id="admin-token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="admin-token-help"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">
          <FormattedMessage id="jobs.token.submit" defaultMessage="Show jobs" />
        </button>
        <p id="admin-token-help" className="help">
          <FormattedMessage
            id="jobs.token.help"
            defaultMessage="The operator token is in the file {file} in the server's data directory. It is kept for this browser tab only."
            values={{ file: <code data-i18n-exempt translate="no">operator-token</code> }}
          />
        </p>
      </form>
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
