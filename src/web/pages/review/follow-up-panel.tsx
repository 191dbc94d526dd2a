import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { reviewPublicPathOf } from './public-routes.ts';
import { call } from './review-api.ts';
import { useReviewLoad } from './use-review-load.ts';

type Update = { id: number; status: string; body: string; at: string };
type Recommendation = { id: number; reviewId: string; text: string; dueOn: string | null; status: string; updates: Update[] };

const followUpStatusLabels = defineMessages({
  open: { id: 'reviewReports.followUp.status.open', defaultMessage: 'Open' },
  in_progress: { id: 'reviewReports.followUp.status.in_progress', defaultMessage: 'In progress' },
  done: { id: 'reviewReports.followUp.status.done', defaultMessage: 'Done' },
  withdrawn: { id: 'reviewReports.followUp.status.withdrawn', defaultMessage: 'Withdrawn' },
});
type FollowUpStatus = keyof typeof followUpStatusLabels;

/** In a state's checklist: the recommendations of its earlier reviews, each with its follow-up and a form for an update. */
export function FollowUpPanel({ country, review }: { country: string; review: string }) {
  const { data, error, reload } = useReviewLoad(() => call<{ recommendations: Recommendation[] }>('GET', `/review/countries/${country}/checklists/${review}/follow-up`), [country, review]);
  const reports = (
    <p>
      <AppLink href={reviewPublicPathOf({ page: 'stateReports', country, review })}>
        <FormattedMessage id="reviewReports.stateReports.link" defaultMessage="The review's reports, their approval and our consents" />
      </AppLink>
    </p>
  );
  if (error !== undefined) return <ErrorMessage error={error} />;
  if (!data || data.recommendations.length === 0) return reports;
  return (
    <section aria-labelledby="review-follow-up">
      {reports}
      <h2 id="review-follow-up">
        <FormattedMessage id="reviewReports.followUp.heading" defaultMessage="Follow-up of earlier recommendations" />
      </h2>
      {data.recommendations.map((r) => (
        <FollowUpItem key={r.id} country={country} r={r} onSaved={reload} />
      ))}
    </section>
  );
}

function FollowUpItem({ country, r, onSaved }: { country: string; r: Recommendation; onSaved: () => Promise<void> }) {
  const intl = useIntl();
  const [status, setStatus] = useState<FollowUpStatus>((r.status as FollowUpStatus) ?? 'open');
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('POST', `/review/countries/${country}/recommendations/${r.id}/updates`, { status, body });
      setBody('');
      setError(undefined);
      await onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <article className="review-question">
      <p data-i18n-exempt>{r.text}</p>
      <p>
        {intl.formatMessage(followUpStatusLabels[r.status as FollowUpStatus] ?? followUpStatusLabels.open)}
        {r.dueOn && (
          <>
            {' — '}
            <FormattedMessage id="reviewReports.followUp.due" defaultMessage="due {date}" values={{ date: <time dateTime={r.dueOn}>{intl.formatDate(`${r.dueOn}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })}</time> }} />
          </>
        )}
      </p>
      <ul>
        {r.updates.map((u) => (
          <li key={u.id}>
            <time dateTime={u.at}>{intl.formatDate(u.at, { dateStyle: 'medium' })}</time>: <span data-i18n-exempt>{u.body}</span>
          </li>
        ))}
      </ul>
      <form className="review-form" onSubmit={submit}>
        <label>
          <FormattedMessage id="reviewReports.followUp.update" defaultMessage="What has been done" />
          <textarea rows={3} value={body} required onChange={(e) => setBody(e.target.value)} />
        </label>
        <label>
          <FormattedMessage id="reviewReports.editor.status" defaultMessage="Status" />
          <select value={status} onChange={(e) => setStatus(e.target.value as FollowUpStatus)}>
            {(Object.keys(followUpStatusLabels) as FollowUpStatus[]).map((s) => (
              <option key={s} value={s}>
                {intl.formatMessage(followUpStatusLabels[s])}
              </option>
            ))}
          </select>
        </label>
        {error !== undefined && <ErrorMessage error={error} />}
        <button type="submit">
          <FormattedMessage id="reviewReports.followUp.save" defaultMessage="Add the update" />
        </button>
      </form>
    </article>
  );
}
