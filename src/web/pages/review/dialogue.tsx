import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { call, type Participant, type Thread } from './review-api.ts';
import { confidentialityLabels } from './review-labels.ts';
import { useReviewLoad } from './use-review-load.ts';

const sideLabels = defineMessages({
  state: { id: 'review.dialogue.side.state', defaultMessage: 'State' },
  reviewer: { id: 'review.dialogue.side.reviewer', defaultMessage: 'Reviewer' },
  secretariat: { id: 'review.dialogue.side.secretariat', defaultMessage: 'Secretariat' },
});

/** The dialogue threads on one question (or on the whole review), and forms to answer or start one. */
export function Dialogue({ mode, review, questionId }: { mode: 'state' | 'reviewer'; review: Participant; questionId: string | null }) {
  const intl = useIntl();
  const base = mode === 'state' ? `/review/countries/${review.country}/reviews/${review.reviewId}` : `/review/reviews/${review.reviewId}`;
  const threads = useReviewLoad(() => call<{ threads: Thread[] }>('GET', `${base}/threads`), [base]);
  const [error, setError] = useState<unknown>();
  const mine = threads.data?.threads.filter((t) => t.questionId === questionId) ?? [];
  const send = (fn: (f: FormData) => Promise<unknown>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await fn(new FormData(form));
      form.reset();
      setError(undefined);
      await threads.reload();
    } catch (e) {
      setError(e);
    }
  };
  const key = questionId ?? 'review';
  // The levels a writer may pick: never one that hides the text from them.
  const levels = mode === 'state' ? (['state_and_reviewers', 'state', 'public'] as const) : (['state_and_reviewers', 'public'] as const);
  return (
    <div className="review-dialogue">
      <h4>
        <FormattedMessage id="review.dialogue.heading" defaultMessage="Dialogue" />
      </h4>
      {mine.map((t) => (
        <div key={t.id} className="review-thread">
          <p className="help">
            <FormattedMessage id="review.confidentiality.label" defaultMessage="Confidentiality" />
            {': '}
            <FormattedMessage {...confidentialityLabels[t.confidentiality as keyof typeof confidentialityLabels]} />
          </p>
          <ol>
            {t.messages.map((m) => (
              <li key={m.id}>
                <strong>
                  <FormattedMessage {...sideLabels[m.side as keyof typeof sideLabels]} />
                </strong>{' '}
                <time dateTime={m.at}>{intl.formatDate(m.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                <p dir="auto" data-i18n-exempt>
                  {m.body}
                </p>
              </li>
            ))}
          </ol>
          <form className="inline-form" onSubmit={send((f) => call('POST', `${base}/threads/${t.id}/messages`, { body: f.get('body') }))}>
            <label htmlFor={`reply-${t.id}`}>
              <FormattedMessage id="review.dialogue.reply" defaultMessage="Your answer" />
            </label>
            <textarea data-i18n-exempt id={`reply-${t.id}`} name="body" dir="auto" rows={2} required />
            <button type="submit">
              <FormattedMessage id="review.dialogue.send" defaultMessage="Send" />
            </button>
          </form>
        </div>
      ))}
      <details>
        <summary>
          <FormattedMessage id="review.dialogue.start" defaultMessage="Start a thread" />
        </summary>
        <form className="review-form" onSubmit={send((f) => call('POST', `${base}/threads`, { questionId, confidentiality: f.get('confidentiality'), body: f.get('body') }))}>
          <label htmlFor={`new-${key}`}>
            <FormattedMessage id="review.dialogue.message" defaultMessage="Message" />
          </label>
          <textarea data-i18n-exempt id={`new-${key}`} name="body" dir="auto" rows={3} required />
          <label htmlFor={`level-${key}`}>
            <FormattedMessage id="review.confidentiality.label" defaultMessage="Confidentiality" />
          </label>
          <select id={`level-${key}`} name="confidentiality" defaultValue="state_and_reviewers">
            {levels.map((l) => (
              <option key={l} value={l}>
                {intl.formatMessage(confidentialityLabels[l])}
              </option>
            ))}
          </select>
          <button type="submit">
            <FormattedMessage id="review.dialogue.post" defaultMessage="Post" />
          </button>
        </form>
      </details>
      {error !== undefined && <ErrorMessage error={error} />}
    </div>
  );
}
