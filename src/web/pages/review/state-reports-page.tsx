import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { call } from './review-api.ts';
import { useReviewLoad } from './use-review-load.ts';
import './review.css';
import './public-pages.css';

type Translation = { language: string; status: 'missing' | 'draft' | 'verified'; body: string };
type Doc = { id: number; kind: string; approvedAt: string | null; publishedAt: string | null; translations: Translation[] };
type Consents = Partial<Record<'full_report' | 'self_assessment' | 'named_in_thematic', boolean>>;

const kindLabels = defineMessages({
  report: { id: 'reviewReports.kind.report', defaultMessage: 'Country review report' },
  executive_summary: { id: 'reviewReports.kind.executive_summary', defaultMessage: 'Executive summary' },
  self_assessment: { id: 'reviewReports.kind.self_assessment', defaultMessage: 'Self-assessment' },
  thematic_report: { id: 'reviewReports.kind.thematic_report', defaultMessage: 'Thematic implementation report' },
});
const consentLabels = defineMessages({
  full_report: { id: 'reviewReports.consent.full_report', defaultMessage: 'We consent to the publication of the full country review report.' },
  self_assessment: { id: 'reviewReports.consent.self_assessment', defaultMessage: 'We consent to the publication of our self-assessment.' },
  named_in_thematic: { id: 'reviewReports.consent.named_in_thematic', defaultMessage: 'Our state may be named in thematic implementation reports.' },
});

/** The state's page of its review's reports: read the texts, approve the final one, record consents (focal points). */
export function StateReportsPage({ country, review }: { country: string; review: string }) {
  const intl = useIntl();
  const name = useCountryName()(country);
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.stateReports.title', defaultMessage: 'Reports of the review of {state}' }, { state: name }));
  const base = `/review/countries/${country}/reviews/${review}`;
  const { data, error, reload } = useReviewLoad(() => call<{ documents: Doc[]; consents: Consents }>('GET', `${base}/documents`), [base]);
  const [actionError, setActionError] = useState<unknown>();
  const act = async (path: string, method: 'POST' | 'PUT', body?: unknown) => {
    try {
      await call(method, path, body);
      setActionError(undefined);
      await reload();
    } catch (err) {
      setActionError(err);
    }
  };
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.stateReports.title" defaultMessage="Reports of the review of {state}" values={{ state: name }} />
      </h1>
      {(error ?? actionError) !== undefined && <ErrorMessage error={error ?? actionError} />}
      {data && (
        <fieldset className="review-form">
          <legend>
            <FormattedMessage id="reviewReports.consent.heading" defaultMessage="Consents" />
          </legend>
          {(Object.keys(consentLabels) as (keyof Consents)[]).map((subject) => (
            <label key={subject} className="inline">
              <input type="checkbox" checked={data.consents[subject] === true} onChange={(e) => act(`${base}/consents`, 'PUT', { subject, given: e.target.checked })} />{' '}
              {intl.formatMessage(consentLabels[subject])}
            </label>
          ))}
        </fieldset>
      )}
      {data?.documents.map((d) => {
        const text = d.translations.find((t) => t.status === 'verified') ?? d.translations.find((t) => t.status === 'draft');
        return (
          <article key={d.id} className="review-document">
            <h2>{intl.formatMessage(kindLabels[d.kind as keyof typeof kindLabels])}</h2>
            {text && (
              <div className="review-document-body" lang={text.language} dir={text.language === 'ar' ? 'rtl' : 'ltr'}>
                {text.body}
              </div>
            )}
            {d.approvedAt ? (
              <p>
                <FormattedMessage id="reviewReports.stateReports.approved" defaultMessage="Approved on {date}." values={{ date: intl.formatDate(d.approvedAt, { dateStyle: 'long' }) }} />
              </p>
            ) : (
              <button type="button" onClick={() => act(`${base}/documents/${d.id}/approval`, 'POST')}>
                <FormattedMessage id="reviewReports.stateReports.approve" defaultMessage="Approve this text" />
              </button>
            )}
          </article>
        );
      })}
    </section>
  );
}
