import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { isSecretariat, useSession } from '../account/session-context.tsx';
import { ChecklistPage } from './checklist-page.tsx';
import { ExampleBanner } from './example-banner.tsx';
import { ProposalPage } from './proposal-page.tsx';
import { type Balance, type Cycle, call, type Participant, type Stage } from './review-api.ts';
import { participationLabels, sectionLabels, stageLabels } from './review-labels.ts';
import { ReviewLinks } from './review-links.tsx';
import { type ReviewView, reviewPathOf } from './review-routes.ts';
import { useReviewLoad } from './use-review-load.ts';
import './review.css';

export function ReviewPage({ view }: { view: ReviewView }) {
  switch (view.page) {
    case 'cycles':
      return <CyclesPage />;
    case 'cycle':
      return <CyclePage key={view.cycle} cycleId={view.cycle} />;
    case 'checklist':
      return <ChecklistPage key={view.review} country={view.country} review={view.review} mode="state" />;
    case 'reviewerChecklist':
      return <ChecklistPage key={view.review} review={view.review} mode="reviewer" />;
    case 'proposal':
      return <ProposalPage key={view.review} country={view.country} review={view.review} />;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown page ${String(unreachable)}`);
    }
  }
}

type Mine = { reviewId: string; country: string; cycleId: string; side: string; status: string; name: string };

function CyclesPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'review.cycles.title', defaultMessage: 'Review of implementation' }));
  const { state } = useSession();
  const cycles = useReviewLoad(() => call<{ cycles: Cycle[] }>('GET', '/review/cycles'), [state.status]);
  const mine = useReviewLoad(() => call<{ reviews: Mine[] }>('GET', `/review/mine?lang=${intl.locale.slice(0, 2)}`), [state.status, intl.locale]);
  if (state.status === 'anonymous') {
    return (
      <section className="review">
        <h1 tabIndex={-1}>
          <FormattedMessage id="review.cycles.title" defaultMessage="Review of implementation" />
        </h1>
        <p className="notice">
          <FormattedMessage id="review.signInNeeded" defaultMessage="Sign in to take part in the review of the guidelines' implementation." />
        </p>
        <ReviewLinks state={state} />
      </section>
    );
  }
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="review.cycles.title" defaultMessage="Review of implementation" />
      </h1>
      <ReviewLinks state={state} />
      {cycles.error !== undefined && <ErrorMessage error={cycles.error} />}
      <h2>
        <FormattedMessage id="review.cycles.heading" defaultMessage="Review cycles" />
      </h2>
      {cycles.data && cycles.data.cycles.length === 0 && (
        <p className="empty-state">
          <FormattedMessage id="review.cycles.none" defaultMessage="No review cycle has been opened yet." />
        </p>
      )}
      <ul className="review-list">
        {cycles.data?.cycles.map((c) => (
          <li key={c.id}>
            <AppLink href={reviewPathOf({ page: 'cycle', cycle: c.id })}>
              <span data-i18n-exempt>{c.title}</span>
            </AppLink>{' '}
            <FormattedMessage
              id="review.cycles.decision"
              defaultMessage="Board decision {symbol} of {date}"
              values={{ symbol: <span data-i18n-exempt>{c.boardDecision.symbol}</span>, date: <time dateTime={c.boardDecision.date}>{intl.formatDate(c.boardDecision.date, { dateStyle: 'long', timeZone: 'UTC' })}</time> }}
            />
            {c.example && (
              <strong className="review-example-tag">
                {' '}
                <FormattedMessage id="review.example.tag" defaultMessage="EXAMPLE" />
              </strong>
            )}
          </li>
        ))}
      </ul>
      {mine.data && mine.data.reviews.length > 0 && <MyReviews reviews={mine.data.reviews} />}
      {isSecretariat(state) && <NewCycleForm onCreated={cycles.reload} />}
    </section>
  );
}

function MyReviews({ reviews }: { reviews: Mine[] }) {
  return (
    <>
      <h2>
        <FormattedMessage id="review.mine.heading" defaultMessage="My reviews" />
      </h2>
      <ul className="review-list">
        {reviews
          .filter((r) => r.status === 'approved')
          .map((r) => (
            <li key={r.reviewId}>
              <AppLink
                href={reviewPathOf(r.side === 'reviewer' ? { page: 'reviewerChecklist', review: r.reviewId } : { page: 'checklist', country: r.country, review: r.reviewId })}
              >
                <span data-i18n-exempt>{r.name}</span> (<span data-i18n-exempt>{r.reviewId}</span>)
              </AppLink>
            </li>
          ))}
      </ul>
    </>
  );
}

const STAGES: Stage[] = ['self_assessment', 'desk_review', 'dialogue', 'report', 'approval', 'publication'];
const SECTIONS = ['principles', 'organisation', 'methods', 'content', 'approaches'] as const;

function NewCycleForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const body = {
      id: String(f.get('id')),
      title: String(f.get('title')),
      boardDecision: { symbol: String(f.get('symbol')), date: String(f.get('date')) },
      scope: SECTIONS.filter((s) => f.get(`scope-${s}`) === 'on'),
      stages: STAGES.filter((s) => f.get(`deadline-${s}`)).map((s) => ({ stage: s, deadline: String(f.get(`deadline-${s}`)) })),
      firstCycle: f.get('firstCycle') === 'on',
    };
    try {
      await call('POST', '/review/cycles', body);
      setError(undefined);
      setDone(true);
      await onCreated();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="review-form" onSubmit={submit}>
      <h2>
        <FormattedMessage id="review.newCycle.heading" defaultMessage="Open a review cycle" />
      </h2>
      <label>
        <FormattedMessage id="review.newCycle.id" defaultMessage="Identifier (letters, digits, hyphens)" />
        <input name="id" required pattern="[a-z0-9][a-z0-9\-]{0,39}" />
      </label>
      <label>
        <FormattedMessage id="review.newCycle.title" defaultMessage="Title" />
        <input name="title" required />
      </label>
      <label>
        <FormattedMessage id="review.newCycle.symbol" defaultMessage="Symbol of the Executive Board decision" />
        <input name="symbol" required />
      </label>
      <label>
        <FormattedMessage id="review.newCycle.date" defaultMessage="Date of the decision" />
        <input name="date" type="date" required />
      </label>
      <fieldset>
        <legend>
          <FormattedMessage id="review.newCycle.scope" defaultMessage="Scope: parts of the guidelines reviewed" />
        </legend>
        {SECTIONS.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" name={`scope-${s}`} defaultChecked />
            <FormattedMessage {...sectionLabels[s]} />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>
          <FormattedMessage id="review.newCycle.stages" defaultMessage="Stages and their deadlines" />
        </legend>
        {STAGES.map((s) => (
          <label key={s}>
            <FormattedMessage {...stageLabels[s]} />
            <input type="date" name={`deadline-${s}`} />
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input type="checkbox" name="firstCycle" />
        <FormattedMessage id="review.newCycle.first" defaultMessage="First cycle (10 to 15 states, not limited to)" />
      </label>
      {error !== undefined && <ErrorMessage error={error} />}
      {done && (
        <p role="status">
          <FormattedMessage id="review.newCycle.done" defaultMessage="The cycle is open." />
        </p>
      )}
      <button type="submit">
        <FormattedMessage id="review.newCycle.submit" defaultMessage="Open the cycle" />
      </button>
    </form>
  );
}

function CyclePage({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const { state } = useSession();
  const cycle = useReviewLoad(() => call<Cycle>('GET', `/review/cycles/${cycleId}`), [cycleId]);
  const parts = useReviewLoad(() => call<{ participants: Participant[]; balance: Balance }>('GET', `/review/cycles/${cycleId}/participants?lang=${intl.locale.slice(0, 2)}`), [cycleId, intl.locale]);
  useDocumentTitle(cycle.data?.title ?? intl.formatMessage({ id: 'review.cycles.title', defaultMessage: 'Review of implementation' }));
  const session = state.status === 'signedIn' ? state.session : undefined;
  const focalCountries = session?.secondFactor.verified ? session.user.grants.filter((g) => g.role === 'country:focal_point').map((g) => g.scope!) : [];
  const secretariat = isSecretariat(state);
  const [actionError, setActionError] = useState<unknown>();
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setActionError(undefined);
      await parts.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const c = cycle.data;
  return (
    <section className="review">
      <ExampleBanner example={c?.example ?? false} />
      <h1 tabIndex={-1}>{c ? <span data-i18n-exempt>{c.title}</span> : <FormattedMessage id="review.cycles.title" defaultMessage="Review of implementation" />}</h1>
      {cycle.error !== undefined && <ErrorMessage error={cycle.error} />}
      {c && (
        <>
          <p>
            <FormattedMessage
              id="review.cycles.decision"
              defaultMessage="Board decision {symbol} of {date}"
              values={{ symbol: <span data-i18n-exempt>{c.boardDecision.symbol}</span>, date: <time dateTime={c.boardDecision.date}>{intl.formatDate(c.boardDecision.date, { dateStyle: 'long', timeZone: 'UTC' })}</time> }}
            />
          </p>
          <p>
            <FormattedMessage id="review.cycle.scope" defaultMessage="Scope:" />{' '}
            {c.scope.map((s) => intl.formatMessage(sectionLabels[s as keyof typeof sectionLabels])).join(intl.locale.startsWith('zh') ? '、' : ', ')}
          </p>
          <table className="review-table">
            <caption>
              <FormattedMessage id="review.cycle.stages" defaultMessage="Stages and deadlines" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="review.cycle.stage" defaultMessage="Stage" />
                </th>
                <th scope="col">
                  <FormattedMessage id="review.cycle.deadline" defaultMessage="Deadline" />
                </th>
              </tr>
            </thead>
            <tbody>
              {c.stages.map((s) => (
                <tr key={s.stage}>
                  <td>
                    <FormattedMessage {...stageLabels[s.stage]} />
                  </td>
                  <td>
                    <time dateTime={s.deadline}>{intl.formatDate(s.deadline, { dateStyle: 'long', timeZone: 'UTC' })}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {parts.data && (
        <Participants
          participants={parts.data.participants}
          secretariat={secretariat}
          onApprove={(country) => act(() => call('POST', `/review/cycles/${cycleId}/participants/${country}/approval`, {}))}
          onAssign={(review, userId) => act(() => call('POST', `/review/reviews/${review}/reviewers`, { userId }))}
        />
      )}
      {parts.data && <BalanceView balance={parts.data.balance} />}
      {actionError !== undefined && <ErrorMessage error={actionError} />}
      {focalCountries.length > 0 && <FocalPointForms cycleId={cycleId} countries={focalCountries} onDone={parts.reload} />}
    </section>
  );
}

function Participants(props: { participants: Participant[]; secretariat: boolean; onApprove: (country: string) => void; onAssign: (review: string, userId: number) => void }) {
  const intl = useIntl();
  return (
    <table className="review-table">
      <caption>
        <FormattedMessage id="review.participants.caption" defaultMessage="Participating states, in alphabetical order" />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <FormattedMessage id="review.participants.state" defaultMessage="State" />
          </th>
          <th scope="col">
            <FormattedMessage id="review.participants.status" defaultMessage="Participation" />
          </th>
          <th scope="col">
            <FormattedMessage id="review.cycle.stage" defaultMessage="Stage" />
          </th>
          <th scope="col">
            <FormattedMessage id="review.participants.actions" defaultMessage="Actions" />
          </th>
        </tr>
      </thead>
      <tbody>
        {props.participants.map((p) => (
          <tr key={p.country}>
            <th scope="row" data-i18n-exempt>
              {p.name}
            </th>
            <td>
              <FormattedMessage {...participationLabels[p.status as keyof typeof participationLabels]} />
            </td>
            <td>
              {p.status === 'approved' ? <FormattedMessage {...stageLabels[p.stage]} /> : '—'}
              {p.status === 'approved' && p.deadline && (
                <>
                  {' '}
                  <FormattedMessage
                    id="review.participants.deadline"
                    defaultMessage="(until {date})"
                    values={{ date: <time dateTime={p.deadline}>{intl.formatDate(p.deadline, { dateStyle: 'medium', timeZone: 'UTC' })}</time> }}
                  />
                </>
              )}
              {p.overdue && (
                <strong className="review-overdue">
                  {' '}
                  <FormattedMessage id="review.participants.overdue" defaultMessage="Deadline passed" />
                </strong>
              )}
            </td>
            <td>
              {p.status === 'approved' && (
                <AppLink href={reviewPathOf({ page: 'checklist', country: p.country, review: p.reviewId })}>
                  <FormattedMessage id="review.participants.checklist" defaultMessage="Checklist of {state}" values={{ state: <span data-i18n-exempt>{p.name}</span> }} />
                </AppLink>
              )}
              {props.secretariat && p.status === 'requested' && (
                <button type="button" onClick={() => props.onApprove(p.country)}>
                  <FormattedMessage id="review.participants.approve" defaultMessage="Record the Board's approval for {state}" values={{ state: <span data-i18n-exempt>{p.name}</span> }} />
                </button>
              )}
              {props.secretariat && p.status === 'approved' && (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    props.onAssign(p.reviewId, Number(new FormData(e.currentTarget).get('userId')));
                  }}
                >
                  <label>
                    <FormattedMessage id="review.participants.reviewerId" defaultMessage="Reviewer's account number for {state}" values={{ state: <span data-i18n-exempt>{p.name}</span> }} />
                    <input name="userId" type="number" min={1} required inputMode="numeric" />
                  </label>
                  <button type="submit">{intl.formatMessage({ id: 'review.participants.assign', defaultMessage: 'Assign reviewer' })}</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const groupLabels = defineMessages({
  african: { id: 'review.group.african', defaultMessage: 'African States' },
  'asia-pacific': { id: 'review.group.asiaPacific', defaultMessage: 'Asia-Pacific States' },
  'eastern-european': { id: 'review.group.easternEuropean', defaultMessage: 'Eastern European States' },
  'latin-american-caribbean': { id: 'review.group.latinAmericanCaribbean', defaultMessage: 'Latin American and Caribbean States' },
  'western-european-other': { id: 'review.group.westernEuropeanOther', defaultMessage: 'Western European and other States' },
});

function BalanceView({ balance }: { balance: Balance }) {
  const intl = useIntl();
  const group = (g: string | undefined) => (g && g in groupLabels ? intl.formatMessage(groupLabels[g as keyof typeof groupLabels]) : (g ?? ''));
  return (
    <section aria-labelledby="review-balance">
      <h2 id="review-balance">
        <FormattedMessage id="review.balance.heading" defaultMessage="Regional balance of approved states" />
      </h2>
      <ul className="review-list">
        {balance.counts.map((c) => (
          <li key={c.group}>
            <FormattedMessage id="review.balance.count" defaultMessage="{group}: {count}" values={{ group: group(c.group), count: c.count }} />
          </li>
        ))}
      </ul>
      {balance.warnings.length > 0 && (
        <ul className="review-warnings">
          {balance.warnings.map((w) => (
            <li key={`${w.kind}-${w.group ?? ''}`}>
              {w.kind === 'group_absent' && <FormattedMessage id="review.balance.absent" defaultMessage="No state of the group {group} takes part yet." values={{ group: group(w.group) }} />}
              {w.kind === 'group_over_represented' && (
                <FormattedMessage id="review.balance.over" defaultMessage="The group {group} holds {count} of {total} states, more than half." values={{ group: group(w.group), count: w.count, total: w.total }} />
              )}
              {w.kind === 'below_target' && <FormattedMessage id="review.balance.below" defaultMessage="{total} states so far; the first cycle aims at 10 to 15." values={{ total: w.total }} />}
              {w.kind === 'above_target' && <FormattedMessage id="review.balance.above" defaultMessage="{total} states: more than the 10 to 15 aimed at, which is allowed." values={{ total: w.total }} />}
            </li>
          ))}
        </ul>
      )}
      <p className="help">
        <FormattedMessage id="review.balance.note" defaultMessage="These are warnings only: participation is never refused for balance." />
      </p>
    </section>
  );
}

function FocalPointForms({ cycleId, countries, onDone }: { cycleId: string; countries: string[]; onDone: () => Promise<void> }) {
  const intl = useIntl();
  const countryName = useCountryName();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const submit = (fn: (f: FormData) => Promise<unknown>, message: string) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await fn(new FormData(form));
      setError(undefined);
      setNotice(message);
      form.reset();
      await onDone();
    } catch (e) {
      setNotice(undefined);
      setError(e);
    }
  };
  const countrySelect = (
    <label>
      <FormattedMessage id="review.fp.country" defaultMessage="State" />
      <select name="country">
        {countries.map((c) => (
          <option key={c} value={c} data-i18n-exempt>
            {countryName(c)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <form
        className="review-form"
        onSubmit={submit((f) => call('POST', `/review/cycles/${cycleId}/participants/${f.get('country')}`, { language: f.get('language') }), intl.formatMessage({ id: 'review.fp.requested', defaultMessage: 'The request has been recorded.' }))}
      >
        <h2>
          <FormattedMessage id="review.fp.request" defaultMessage="Ask to take part in this cycle" />
        </h2>
        {countrySelect}
        <LanguageSelect />
        <button type="submit">
          <FormattedMessage id="review.fp.requestSubmit" defaultMessage="Ask to take part" />
        </button>
      </form>
      <form
        className="review-form"
        onSubmit={submit(
          (f) => call('POST', `/countries/${f.get('country')}/invitations`, { email: f.get('email'), ...(f.get('displayName') ? { displayName: f.get('displayName') } : {}), language: intl.locale.slice(0, 2), roles: ['country:expert'] }),
          intl.formatMessage({ id: 'review.fp.invited', defaultMessage: 'The invitation has been sent.' }),
        )}
      >
        <h2>
          <FormattedMessage id="review.fp.invite" defaultMessage="Invite a governmental expert" />
        </h2>
        {countrySelect}
        <label>
          <FormattedMessage id="review.fp.email" defaultMessage="Expert's e-mail address" />
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label>
          <FormattedMessage id="review.fp.name" defaultMessage="Expert's name (optional)" />
          <input name="displayName" autoComplete="off" />
        </label>
        <button type="submit">
          <FormattedMessage id="review.fp.inviteSubmit" defaultMessage="Send the invitation" />
        </button>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {notice && <p role="status">{notice}</p>}
    </>
  );
}

const languageNames = { ar: 'العربية', en: 'English', es: 'Español', fr: 'Français', ru: 'Русский', zh: '中文' } as const;

function LanguageSelect() {
  return (
    <label>
      <FormattedMessage id="review.fp.language" defaultMessage="Language of the review" />
      <select name="language" defaultValue="en">
        {Object.entries(languageNames).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
