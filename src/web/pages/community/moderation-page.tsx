import { useCallback, useEffect, useId, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useSubmit } from '../account/use-submit.ts';
import { listQueue, type ModerationAction, moderate, type QueueItem, type QueueState, type ReportStatus } from './moderation-api.ts';

const stateMessages = {
  pending: { id: 'community.moderation.state.pending', defaultMessage: 'Waiting for review' },
  approved: { id: 'community.moderation.state.approved', defaultMessage: 'Published' },
  hidden: { id: 'community.moderation.state.hidden', defaultMessage: 'Hidden' },
  merged: { id: 'community.moderation.state.merged', defaultMessage: 'Merged' },
  all: { id: 'community.moderation.state.all', defaultMessage: 'All' },
} as const;

const statusMessages = {
  received: { id: 'community.page.status.received', defaultMessage: 'Received' },
  acknowledged: { id: 'community.page.status.acknowledged', defaultMessage: 'Acknowledged' },
  in_progress: { id: 'community.page.status.in_progress', defaultMessage: 'In progress' },
  resolved: { id: 'community.page.status.resolved', defaultMessage: 'Resolved' },
  closed: { id: 'community.page.status.closed', defaultMessage: 'Closed' },
} as const;

const flagMessages: Record<string, { id: string; defaultMessage: string }> = {
  email: { id: 'community.moderation.flag.email', defaultMessage: 'e-mail address' },
  phone: { id: 'community.moderation.flag.phone', defaultMessage: 'phone number' },
  handle: { id: 'community.moderation.flag.handle', defaultMessage: 'social media name' },
  id_number: { id: 'community.moderation.flag.id_number', defaultMessage: 'identity or card number' },
};

/** The moderators' queue of a city's community reports: publish (with the moderated text), hide, forward, answer. */
export function ModerationPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [state, setState] = useState<QueueState>('pending');
  const [items, setItems] = useState<QueueItem[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const selectId = useId();

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setItems(await listQueue(slug, state, signal));
        setLoadError(undefined);
      } catch (e) {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setLoadError(e);
      }
    },
    [slug, state],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void reload(ctl.signal);
    return () => ctl.abort();
  }, [reload]);

  useEffect(() => {
    document.title = intl.formatMessage({ id: 'community.moderation.title', defaultMessage: 'Reports to moderate' });
  }, [intl]);

  return (
    <>
      <h1 tabIndex={-1}>
        <FormattedMessage id="community.moderation.title" defaultMessage="Reports to moderate" />
      </h1>
      <p>
        <FormattedMessage
          id="community.moderation.intro"
          defaultMessage="Nothing is public until you publish it. Texts flagged for personal data are published only as you edit them."
        />
      </p>
      <label htmlFor={selectId}>
        <FormattedMessage id="community.moderation.show" defaultMessage="Show" />
      </label>
      <select id={selectId} value={state} onChange={(e) => setState(e.target.value as QueueState)}>
        {(Object.keys(stateMessages) as QueueState[]).map((s) => (
          <option key={s} value={s}>
            {intl.formatMessage(stateMessages[s])}
          </option>
        ))}
      </select>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {loadError !== undefined && <ErrorMessage error={loadError} />}
      {items && items.length === 0 && (
        <p>
          <FormattedMessage id="community.moderation.empty" defaultMessage="No report here." />
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="moderation-list">
          {items.map((item) => (
            <li key={item.id}>
              <Report
                slug={slug}
                item={item}
                onDone={async (message) => {
                  setDone(message);
                  await reload();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Report({ slug, item, onDone }: { slug: string; item: QueueItem; onDone: (message: string) => Promise<void> }) {
  const intl = useIntl();
  const { busy, error, run } = useSubmit();
  const [text, setText] = useState(item.publicDescription ?? item.suggestedPublicDescription);
  const [department, setDepartment] = useState(item.department ?? '');
  const [answer, setAnswer] = useState('');
  const [status, setStatus] = useState<ReportStatus>(item.status);
  const id = useId();
  const act = (action: ModerationAction) =>
    run(async () => {
      await moderate(slug, item.id, action);
      await onDone(intl.formatMessage({ id: 'community.moderation.saved', defaultMessage: 'Report {id} saved.' }, { id: item.id }));
    });
  const place = item.location.landmark ?? item.location.unit ?? item.location.cell ?? '';

  return (
    <article aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        <FormattedMessage id="community.moderation.report" defaultMessage="Report {id}" values={{ id: item.id }} />
      </h2>
      <dl>
        <dt>
          <FormattedMessage id="community.moderation.category" defaultMessage="Category" />
        </dt>
        <dd data-i18n-exempt translate="no">
          {item.category}
        </dd>
        <dt>
          <FormattedMessage id="community.moderation.place" defaultMessage="Place" />
        </dt>
        <dd data-i18n-exempt>{place}</dd>
        <dt>
          <FormattedMessage id="community.moderation.submitted" defaultMessage="Sent" />
        </dt>
        <dd>
          <FormattedDate value={item.submittedAt} dateStyle="medium" timeStyle="short" />
        </dd>
        <dt>
          <FormattedMessage id="community.moderation.status" defaultMessage="Status" />
        </dt>
        <dd>{intl.formatMessage(statusMessages[item.status])}</dd>
      </dl>
      {item.flags.length > 0 && (
        <p className="warning">
          <FormattedMessage
            id="community.moderation.flagged"
            defaultMessage="Personal data found: {kinds}. Edit the public text before publishing."
            values={{ kinds: item.flags.map((f) => (flagMessages[f] ? intl.formatMessage(flagMessages[f]) : f)).join(', ') }}
          />
        </p>
      )}
      <blockquote data-i18n-exempt>{item.description}</blockquote>
      <label htmlFor={`${id}-text`}>
        <FormattedMessage id="community.moderation.publicText" defaultMessage="Text to publish" />
      </label>
      <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <button type="button" disabled={busy || text.trim() === ''} onClick={() => act({ action: 'approve', publicDescription: text.trim() })}>
          <FormattedMessage id="community.moderation.approve" defaultMessage="Publish" />
        </button>
        <button type="button" disabled={busy} onClick={() => act({ action: 'hide' })}>
          <FormattedMessage id="community.moderation.hide" defaultMessage="Hide" />
        </button>
      </div>
      <label htmlFor={`${id}-dept`}>
        <FormattedMessage id="community.moderation.department" defaultMessage="Department" />
      </label>
      <input id={`${id}-dept`} value={department} onChange={(e) => setDepartment(e.target.value)} />
      <button type="button" disabled={busy || department.trim() === ''} onClick={() => act({ action: 'forward', department: department.trim() })}>
        <FormattedMessage id="community.moderation.forward" defaultMessage="Forward" />
      </button>
      <label htmlFor={`${id}-answer`}>
        <FormattedMessage id="community.moderation.answer" defaultMessage="Public answer" />
      </label>
      <textarea id={`${id}-answer`} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      <button type="button" disabled={busy || answer.trim() === ''} onClick={() => act({ action: 'answer', body: answer.trim() })}>
        <FormattedMessage id="community.moderation.sendAnswer" defaultMessage="Send the answer" />
      </button>
      <label htmlFor={`${id}-status`}>
        <FormattedMessage id="community.moderation.newStatus" defaultMessage="New status" />
      </label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ReportStatus)}>
        {(Object.keys(statusMessages) as ReportStatus[]).map((s) => (
          <option key={s} value={s}>
            {intl.formatMessage(statusMessages[s])}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy || status === item.status} onClick={() => act({ action: 'status', status })}>
        <FormattedMessage id="community.moderation.setStatus" defaultMessage="Set the status" />
      </button>
      {error !== undefined && <ErrorMessage error={error} />}
    </article>
  );
}
