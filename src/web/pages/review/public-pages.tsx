import { defineMessages, FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { isSecretariat, useSession } from '../account/session-context.tsx';
import { GovernancePage } from './governance-pages.tsx';
import { type ReviewPublicView, reviewPublicPathOf } from './public-routes.ts';
import { ReviewDocumentsPage, TranslatePage } from './report-pages.tsx';
import { call, type Stage } from './review-api.ts';
import { sectionLabels, stageLabels } from './review-labels.ts';
import { StateReportsPage } from './state-reports-page.tsx';
import { useReviewLoad } from './use-review-load.ts';
import './review.css';
import './public-pages.css';

type CalendarEntry = { cycle: string; cycleTitle: string; example: boolean; country: string; name: string; stage: Stage; date: string; approvedOn: string | null };
type Published = { id: number; kind: string; cycle: string | null; country: string | null; section: string | null; publishedAt: string; languages: string[]; language: string; body: string };
type Blocker = { kind: 'translation'; language: string; status: string; since: string } | { kind: 'state_approval'; since: string } | { kind: 'consent'; subject: string; since: string };
type Blocked = { id: number; kind: string; cycle: string | null; country: string | null; section: string | null; blockers: Blocker[]; since: string };

const kindLabels = defineMessages({
  report: { id: 'reviewReports.kind.report', defaultMessage: 'Country review report' },
  executive_summary: { id: 'reviewReports.kind.executive_summary', defaultMessage: 'Executive summary' },
  self_assessment: { id: 'reviewReports.kind.self_assessment', defaultMessage: 'Self-assessment' },
  thematic_report: { id: 'reviewReports.kind.thematic_report', defaultMessage: 'Thematic implementation report' },
});
const blockerLabels = defineMessages({
  state_approval: { id: 'reviewReports.blocker.state_approval', defaultMessage: "The state's approval" },
  consent: { id: 'reviewReports.blocker.consent', defaultMessage: "The state's consent to publish" },
});
const translationStatusLabels = defineMessages({
  missing: { id: 'reviewReports.translation.missing', defaultMessage: 'missing' },
  draft: { id: 'reviewReports.translation.draft', defaultMessage: 'draft' },
  verified: { id: 'reviewReports.translation.verified', defaultMessage: 'verified' },
});

const lang = (locale: string) => locale.slice(0, 2);
const dirOf = (language: string) => (language === 'ar' ? 'rtl' : 'ltr');

export function ReviewPublicPage({ view }: { view: ReviewPublicView }) {
  switch (view.page) {
    case 'calendar':
      return <CalendarPage />;
    case 'state':
      return <StatePage key={view.country} country={view.country} />;
    case 'publication':
      return <PublicationPage />;
    case 'governance':
      return <GovernancePage />;
    case 'stateReports':
      return <StateReportsPage key={view.review} country={view.country} review={view.review} />;
    case 'documents':
      return <ReviewDocumentsPage key={view.review} review={view.review} />;
    case 'translate':
      return <TranslatePage key={`${view.language}-${view.id}`} language={view.language} id={view.id} />;
    default: {
      const unreachable: never = view;
      throw new Error(`Unknown page ${String(unreachable)}`);
    }
  }
}

/** The public calendar: each participating state's stage and dates, in date order. Nothing else. */
function CalendarPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.calendar.title', defaultMessage: 'Review calendar' }));
  const l = lang(intl.locale);
  const { data, error } = useReviewLoad(() => call<{ entries: CalendarEntry[] }>('GET', `/review/calendar?lang=${l}`), [l]);
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.calendar.title" defaultMessage="Review calendar" />
      </h1>
      <p>
        <FormattedMessage id="reviewReports.calendar.intro" defaultMessage="Each participating state's stage of review and its date, in date order." />
      </p>
      <p>
        <a href={`/api/v1/review/calendar?lang=${l}&format=csv`} download>
          <FormattedMessage id="reviewReports.openData.csv" defaultMessage="Download as CSV" />
        </a>{' '}
        <a href={`/api/v1/review/calendar?lang=${l}`}>
          <FormattedMessage id="reviewReports.openData.json" defaultMessage="Open data (JSON)" />
        </a>
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {data && data.entries.length === 0 && (
        <p>
          <FormattedMessage id="reviewReports.calendar.empty" defaultMessage="No state is under review." />
        </p>
      )}
      {data && data.entries.length > 0 && (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="reviewReports.calendar.date" defaultMessage="Date" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.calendar.state" defaultMessage="State" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.calendar.stage" defaultMessage="Stage" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.calendar.cycle" defaultMessage="Cycle" />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={`${e.cycle}-${e.country}`} data-country={e.country}>
                <td>
                  <time dateTime={e.date}>
                    <FormattedDate value={`${e.date}T00:00:00Z`} dateStyle="long" timeZone="UTC" />
                  </time>
                </td>
                <td>
                  <AppLink href={reviewPublicPathOf({ page: 'state', country: e.country })}>
                    <span data-i18n-exempt>{e.name}</span>
                  </AppLink>
                </td>
                <td>{intl.formatMessage(stageLabels[e.stage])}</td>
                <td>
                  <span data-i18n-exempt>{e.cycleTitle}</span>
                  {e.example && (
                    <span className="review-example-tag">
                      {' '}
                      <FormattedMessage id="reviewReports.exampleTag" defaultMessage="(EXAMPLE)" />
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A state's public page: its published review documents in the reader's language (or the one they exist in). */
function StatePage({ country }: { country: string }) {
  const intl = useIntl();
  const name = useCountryName()(country);
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.state.title', defaultMessage: 'Review of {state}' }, { state: name }));
  const l = lang(intl.locale);
  const { data, error } = useReviewLoad(() => call<{ documents: Published[] }>('GET', `/review/public/states/${country}?lang=${l}`), [country, l]);
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.state.title" defaultMessage="Review of {state}" values={{ state: name }} />
      </h1>
      <p>
        <AppLink href={reviewPublicPathOf({ page: 'calendar' })}>
          <FormattedMessage id="reviewReports.calendar.title" defaultMessage="Review calendar" />
        </AppLink>
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {data && data.documents.length === 0 && (
        <p>
          <FormattedMessage id="reviewReports.state.none" defaultMessage="No document of this state's review has been published yet." />
        </p>
      )}
      {data?.documents.map((d) => (
        <article key={d.id} className="review-document">
          <h2>{intl.formatMessage(kindLabels[d.kind as keyof typeof kindLabels])}</h2>
          <p>
            <FormattedMessage
              id="reviewReports.published"
              defaultMessage="Published on {date} in: {languages}"
              values={{
                date: intl.formatDate(d.publishedAt, { dateStyle: 'long' }),
                languages: d.languages.map((x) => new Intl.DisplayNames([intl.locale], { type: 'language' }).of(x) ?? x).join(', '),
              }}
            />
          </p>
          <div className="review-document-body" lang={d.language} dir={dirOf(d.language)}>
            {d.body}
          </div>
        </article>
      ))}
    </section>
  );
}

/** The secretariat's page: every unpublished document, what blocks it and since when. */
function PublicationPage() {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.publication.title', defaultMessage: 'Waiting for publication' }));
  const { state } = useSession();
  const l = lang(intl.locale);
  const countryName = useCountryName();
  const allowed = isSecretariat(state);
  const { data, error } = useReviewLoad(() => (allowed ? call<{ documents: Blocked[] }>('GET', `/review/publication-blockers?lang=${l}`) : Promise.resolve({ documents: [] })), [allowed, l]);
  const languageName = (x: string) => new Intl.DisplayNames([intl.locale], { type: 'language' }).of(x) ?? x;
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.publication.title" defaultMessage="Waiting for publication" />
      </h1>
      {!allowed && (
        <p className="notice">
          <FormattedMessage id="reviewReports.publication.secretariatOnly" defaultMessage="This page is for the secretariat." />
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {allowed && data && data.documents.length === 0 && (
        <p>
          <FormattedMessage id="reviewReports.publication.none" defaultMessage="Nothing waits for publication." />
        </p>
      )}
      {data && data.documents.length > 0 && (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="reviewReports.publication.since" defaultMessage="Waiting since" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.publication.document" defaultMessage="Document" />
              </th>
              <th scope="col">
                <FormattedMessage id="reviewReports.publication.blockers" defaultMessage="What blocks it" />
              </th>
            </tr>
          </thead>
          <tbody>
            {data.documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <time dateTime={d.since}>{intl.formatDate(d.since, { dateStyle: 'medium' })}</time>
                </td>
                <td>
                  {intl.formatMessage(kindLabels[d.kind as keyof typeof kindLabels])}
                  {d.country ? <span data-i18n-exempt>{` — ${countryName(d.country)}`}</span> : ''}
                  {d.section ? ` — ${intl.formatMessage(sectionLabels[d.section as keyof typeof sectionLabels])}` : ''}
                  {d.cycle ? <span data-i18n-exempt>{` (${d.cycle})`}</span> : ''}
                </td>
                <td>
                  <ul>
                    {d.blockers.map((b) => (
                      <li key={`${b.kind}-${'language' in b ? b.language : ''}`}>
                        {b.kind === 'translation'
                          ? intl.formatMessage({ id: 'reviewReports.blocker.translation', defaultMessage: 'Translation into {language}: {status}' }, { language: languageName(b.language), status: intl.formatMessage(translationStatusLabels[b.status as keyof typeof translationStatusLabels]) })
                          : b.kind === 'state_approval'
                            ? intl.formatMessage(blockerLabels.state_approval)
                            : intl.formatMessage(blockerLabels.consent)}{' '}
                        <FormattedMessage id="reviewReports.publication.sinceDate" defaultMessage="(since {date})" values={{ date: intl.formatDate(b.since, { dateStyle: 'medium' }) }} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
