import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useSession } from '../account/session-context.tsx';
import { AnswerForm, AnswerView } from './answer-form.tsx';
import { Dialogue } from './dialogue.tsx';
import { ExampleBanner } from './example-banner.tsx';
import { FollowUpPanel } from './follow-up-panel.tsx';
import { type Change, type ChecklistView, call, reviewerBase, stateChecklist } from './review-api.ts';
import { checklistStatusLabels, confidentialityLabels, sectionLabels } from './review-labels.ts';
import { reviewPathOf } from './review-routes.ts';
import { useReviewLoad } from './use-review-load.ts';

type Props = { mode: 'state'; country: string; review: string } | { mode: 'reviewer'; review: string; country?: undefined };

/** The checklist: the state's form (autosave, progress, conflicts, submit and clear, versions) or the reviewers' reading. */
export function ChecklistPage(props: Props) {
  const intl = useIntl();
  const countryName = useCountryName();
  const { state } = useSession();
  const base = props.mode === 'state' ? stateChecklist(props.country, props.review) : reviewerBase(props.review);
  const view = useReviewLoad(() => call<ChecklistView>('GET', props.mode === 'state' ? base : `${base}/checklist`), [base]);
  const v = view.data;
  const lang = (v?.review.language ?? 'en') as 'en';
  const stateLabel = v ? countryName(v.review.country) : '';
  const title = intl.formatMessage({ id: 'review.checklist.heading', defaultMessage: 'Self-assessment checklist of {state}' }, { state: stateLabel });
  useDocumentTitle(v ? title : undefined);
  const session = state.status === 'signedIn' ? state.session : undefined;
  const isFocalPoint = !!v && !!session?.secondFactor.verified && session.user.grants.some((g) => g.role === 'country:focal_point' && g.scope === v.review.country);
  const isExpert = !!v && !!session && session.user.grants.some((g) => g.role === 'country:expert' && g.scope === v.review.country);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const act = async (fn: () => Promise<unknown>, message: string) => {
    try {
      await fn();
      setActionError(undefined);
      setNotice(message);
      await view.reload();
    } catch (e) {
      setNotice(undefined);
      setActionError(e);
    }
  };
  if (view.error !== undefined && !v) {
    return (
      <section className="review">
        <h1 tabIndex={-1}>
          <FormattedMessage id="review.checklist.title" defaultMessage="Self-assessment checklist" />
        </h1>
        <ErrorMessage error={view.error} />
      </section>
    );
  }
  if (!v) {
    return (
      <p role="status">
        <FormattedMessage id="review.loading" defaultMessage="Loading…" />
      </p>
    );
  }
  const answers = new Map(v.answers.map((a) => [a.questionId, a]));
  const sections = [...new Set(v.questions.map((q) => q.section))];
  const exportBase = props.mode === 'state' ? `/api/v1${base}/export` : `/api/v1${base}/checklist/export`;
  const editable = props.mode === 'state';
  return (
    <section className="review" lang={undefined}>
      <ExampleBanner example={v.example} />
      <h1 tabIndex={-1}>
        <FormattedMessage id="review.checklist.heading" defaultMessage="Self-assessment checklist of {state}" values={{ state: <span data-i18n-exempt>{stateLabel}</span> }} />
      </h1>
      <p>
        <FormattedMessage id="review.checklist.status" defaultMessage="Status:" /> <FormattedMessage {...checklistStatusLabels[v.status]} />
        {' · '}
        <FormattedMessage id="review.confidentiality.label" defaultMessage="Confidentiality" />
        {': '}
        <FormattedMessage {...confidentialityLabels[v.confidentiality as keyof typeof confidentialityLabels]} />
      </p>
      <p className="help">
        <FormattedMessage id="review.checklist.unofficial" defaultMessage="The questions are the platform's own wording of the guidelines (HSP/HA/1/2/Add.3), unofficial until verified." />
      </p>
      {v.carriedFrom && (
        <p className="notice">
          <FormattedMessage id="review.checklist.carried" defaultMessage="Answers were carried over from the previous review ({review}) for you to review and update." values={{ review: <span data-i18n-exempt>{v.carriedFrom}</span> }} />
        </p>
      )}
      {props.mode === 'reviewer' && (
        <p className="notice">
          <FormattedMessage id="review.checklist.clearedOnly" defaultMessage="You see the latest version the state's focal point cleared." />
        </p>
      )}
      <nav aria-label={intl.formatMessage({ id: 'review.progress.label', defaultMessage: 'Progress per section' })}>
        <ul className="review-progress">
          {v.progress.map((p) => (
            <li key={p.section}>
              <a href={`#section-${p.section}`}>
                <FormattedMessage {...sectionLabels[p.section as keyof typeof sectionLabels]} />
              </a>
              {': '}
              <FormattedMessage id="review.progress.count" defaultMessage="{answered} of {total} answered" values={{ answered: p.answered, total: p.total }} />
            </li>
          ))}
        </ul>
      </nav>
      <ul className="review-actions">
        {props.mode === 'state' && (
          <li>
            <AppLink href={reviewPathOf({ page: 'proposal', country: props.country, review: props.review })}>
              <FormattedMessage id="review.proposal.title" defaultMessage="National peer-review proposal" />
            </AppLink>
          </li>
        )}
        {(['html', 'pdf', 'docx'] as const).map((format) => (
          <li key={format}>
            <a href={`${exportBase}?format=${format}`} download>
              {format === 'html' && <FormattedMessage id="review.export.html" defaultMessage="Download as HTML" />}
              {format === 'pdf' && <FormattedMessage id="review.export.pdf" defaultMessage="Download as PDF" />}
              {format === 'docx' && <FormattedMessage id="review.export.docx" defaultMessage="Download as Word (DOCX)" />}
            </a>
          </li>
        ))}
      </ul>
      {sections.map((section) => (
        <section key={section} id={`section-${section}`} aria-labelledby={`heading-${section}`}>
          <h2 id={`heading-${section}`}>
            <FormattedMessage {...sectionLabels[section as keyof typeof sectionLabels]} />
          </h2>
          {v.questions
            .filter((q) => q.section === section)
            .map((q) => (
              <article key={q.id} className="review-question" aria-labelledby={`q-${q.id}`}>
                <h3 id={`q-${q.id}`}>
                  <FormattedMessage id="review.paragraph" defaultMessage="Para {paragraph}" values={{ paragraph: <span data-i18n-exempt>{q.paragraph}</span> }} />
                  {' — '}
                  <span lang={lang} data-i18n-exempt>
                    {q.text[lang]}
                  </span>
                </h3>
                {editable ? (
                  <AnswerForm base={base} question={q} stored={answers.get(q.id)} canUpload />
                ) : (
                  <AnswerView stored={answers.get(q.id)} />
                )}
                <Dialogue mode={props.mode} review={v.review} questionId={q.id} />
              </article>
            ))}
        </section>
      ))}
      <section aria-labelledby="review-general">
        <h2 id="review-general">
          <FormattedMessage id="review.dialogue.general" defaultMessage="Dialogue on the review as a whole" />
        </h2>
        <Dialogue mode={props.mode} review={v.review} questionId={null} />
      </section>
      {editable && (
        <section aria-labelledby="review-submit">
          <h2 id="review-submit">
            <FormattedMessage id="review.submit.heading" defaultMessage="Submission and clearance" />
          </h2>
          {(isExpert || isFocalPoint) && (
            <button type="button" onClick={() => act(() => call('POST', `${base}/submissions`), intl.formatMessage({ id: 'review.submit.done', defaultMessage: 'Submitted. A focal point will clear it.' }))}>
              <FormattedMessage id="review.submit.button" defaultMessage="Submit for clearance" />
            </button>
          )}
          {isFocalPoint && v.status === 'submitted' && (
            <button type="button" onClick={() => act(() => call('POST', `${base}/clearance`, {}), intl.formatMessage({ id: 'review.clear.done', defaultMessage: 'Cleared.' }))}>
              <FormattedMessage id="review.clear.button" defaultMessage="Clear the latest submission" />
            </button>
          )}
          {actionError !== undefined && <ErrorMessage error={actionError} />}
          {notice && <p role="status">{notice}</p>}
        </section>
      )}
      {props.mode === 'state' && <FollowUpPanel country={props.country} review={props.review} />}
      <Versions base={props.mode === 'state' ? base : reviewerBase(props.review)} submissions={v.submissions} mode={props.mode} />
    </section>
  );
}

function Versions({ base, submissions, mode }: { base: string; submissions: ChecklistView['submissions']; mode: 'state' | 'reviewer' }) {
  const intl = useIntl();
  const visible = mode === 'reviewer' ? submissions.filter((s) => s.clearedAt) : submissions;
  const [changes, setChanges] = useState<Change[]>();
  const [error, setError] = useState<unknown>();
  const from = useRef<HTMLSelectElement>(null);
  const to = useRef<HTMLSelectElement>(null);
  if (visible.length === 0) return null;
  const compare = async () => {
    try {
      setChanges((await call<{ changes: Change[] }>('GET', `${base}/diff?from=${from.current?.value}&to=${to.current?.value}`)).changes);
      setError(undefined);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="review-versions">
      <h2 id="review-versions">
        <FormattedMessage id="review.versions.heading" defaultMessage="Submitted versions" />
      </h2>
      <ol className="review-list">
        {visible.map((s) => (
          <li key={s.number}>
            <FormattedMessage
              id="review.versions.item"
              defaultMessage="Version {number}, submitted {date}"
              values={{ number: s.number, date: <time dateTime={s.submittedAt}>{intl.formatDate(s.submittedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time> }}
            />
            {s.clearedAt && (
              <>
                {' — '}
                <FormattedMessage id="review.versions.cleared" defaultMessage="cleared" />
              </>
            )}
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label>
          <FormattedMessage id="review.versions.from" defaultMessage="Compare version" />
          <select ref={from} defaultValue={visible[0]!.number}>
            {visible.map((s) => (
              <option key={s.number} value={s.number}>
                {s.number}
              </option>
            ))}
          </select>
        </label>
        <label>
          <FormattedMessage id="review.versions.to" defaultMessage="with" />
          <select ref={to} defaultValue={mode === 'state' ? 0 : visible.at(-1)!.number}>
            {mode === 'state' && <option value={0}>{intl.formatMessage({ id: 'review.versions.working', defaultMessage: 'the working answers' })}</option>}
            {visible.map((s) => (
              <option key={s.number} value={s.number}>
                {s.number}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={compare}>
          <FormattedMessage id="review.versions.compare" defaultMessage="Compare" />
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {changes && (
        <div role="status">
          {changes.length === 0 ? (
            <p>
              <FormattedMessage id="review.versions.same" defaultMessage="No difference." />
            </p>
          ) : (
            <ul className="review-list">
              {changes.map((c) => (
                <li key={c.questionId}>
                  <FormattedMessage id="review.versions.changed" defaultMessage="Question {question}: {count, plural, one {# field changed} other {# fields changed}}" values={{ question: <span data-i18n-exempt>{c.questionId}</span>, count: c.fields.length }} />
                  <DiffDetail change={c} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function DiffDetail({ change }: { change: Change }) {
  const text = (a: Change['before'], f: string) => {
    const value = a ? (a as Record<string, unknown>)[f] : undefined;
    return typeof value === 'string' ? value : JSON.stringify(value ?? '');
  };
  return (
    <dl className="review-diff">
      {change.fields.map((f) => (
        <div key={f}>
          <dt data-i18n-exempt>{f}</dt>
          <dd>
            <del data-i18n-exempt>{text(change.before, f)}</del> <ins data-i18n-exempt>{text(change.after, f)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

