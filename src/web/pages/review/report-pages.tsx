import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { call } from './review-api.ts';
import { useReviewLoad } from './use-review-load.ts';
import './review.css';
import './public-pages.css';

type Translation = { language: string; status: 'missing' | 'draft' | 'verified'; translator: string | null; body: string; updatedAt: string };
type Blocker = { kind: string; language?: string; subject?: string; since: string };
type Doc = { id: number; kind: string; reviewId: string | null; approvedAt: string | null; publishedAt: string | null; translations: Translation[]; blockers?: Blocker[] };

const kindLabels = defineMessages({
  report: { id: 'reviewReports.kind.report', defaultMessage: 'Country review report' },
  executive_summary: { id: 'reviewReports.kind.executive_summary', defaultMessage: 'Executive summary' },
  self_assessment: { id: 'reviewReports.kind.self_assessment', defaultMessage: 'Self-assessment' },
  thematic_report: { id: 'reviewReports.kind.thematic_report', defaultMessage: 'Thematic implementation report' },
});
const statusLabels = defineMessages({
  missing: { id: 'reviewReports.translation.missing', defaultMessage: 'missing' },
  draft: { id: 'reviewReports.translation.draft', defaultMessage: 'draft' },
  verified: { id: 'reviewReports.translation.verified', defaultMessage: 'verified' },
});

/** One language's text of a document: edited and saved as draft or verified (translators of that language, the secretariat). */
function TranslationEditor({ doc, t, onSaved }: { doc: Doc; t: Translation; onSaved: () => Promise<void> }) {
  const intl = useIntl();
  const [body, setBody] = useState(t.body);
  const [status, setStatus] = useState<'draft' | 'verified'>(t.status === 'verified' ? 'verified' : 'draft');
  const [error, setError] = useState<unknown>();
  const language = new Intl.DisplayNames([intl.locale], { type: 'language' }).of(t.language) ?? t.language;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('PUT', `/review/translations/${t.language}/documents/${doc.id}`, { body, status });
      setError(undefined);
      await onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="review-form" onSubmit={save}>
      <h3>
        {language} — {intl.formatMessage(statusLabels[t.status])}
      </h3>
      <label>
        <FormattedMessage id="reviewReports.editor.text" defaultMessage="Text" />
        <textarea rows={10} value={body} lang={t.language} dir={t.language === 'ar' ? 'rtl' : 'ltr'} disabled={doc.publishedAt !== null} onChange={(e) => setBody(e.target.value)} />
      </label>
      <label>
        <FormattedMessage id="reviewReports.editor.status" defaultMessage="Status" />
        <select value={status} onChange={(e) => setStatus(e.target.value as 'draft' | 'verified')} disabled={doc.publishedAt !== null}>
          <option value="draft">{intl.formatMessage(statusLabels.draft)}</option>
          <option value="verified">{intl.formatMessage(statusLabels.verified)}</option>
        </select>
      </label>
      {error !== undefined && <ErrorMessage error={error} />}
      {doc.publishedAt === null && (
        <button type="submit">
          <FormattedMessage id="reviewReports.editor.save" defaultMessage="Save this language" />
        </button>
      )}
    </form>
  );
}

/** A review's documents for the secretariat and its reviewers: generate drafts, edit each language, publish. */
export function ReviewDocumentsPage({ review }: { review: string }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.documents.title', defaultMessage: 'Reports of review {review}' }, { review }));
  const { data, error, reload } = useReviewLoad(() => call<{ documents: Doc[] }>('GET', `/review/reviews/${review}/documents`), [review]);
  const [actionError, setActionError] = useState<unknown>();
  const act = async (method: 'POST', path: string, body?: unknown) => {
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
        <FormattedMessage id="reviewReports.documents.title" defaultMessage="Reports of review {review}" values={{ review }} />
      </h1>
      <div className="review-actions">
        {(['report', 'executive_summary', 'self_assessment'] as const).map((kind) => (
          <button key={kind} type="button" onClick={() => act('POST', `/review/reviews/${review}/documents`, { kind })}>
            <FormattedMessage id="reviewReports.documents.generate" defaultMessage="Draft: {kind}" values={{ kind: intl.formatMessage(kindLabels[kind]) }} />
          </button>
        ))}
      </div>
      {(error ?? actionError) !== undefined && <ErrorMessage error={error ?? actionError} />}
      {data?.documents.map((d) => (
        <article key={d.id} className="review-document">
          <h2>{intl.formatMessage(kindLabels[d.kind as keyof typeof kindLabels])}</h2>
          {d.publishedAt ? (
            <p>
              <FormattedMessage id="reviewReports.documents.publishedOn" defaultMessage="Published on {date}." values={{ date: intl.formatDate(d.publishedAt, { dateStyle: 'long' }) }} />
            </p>
          ) : (
            <button type="button" onClick={() => act('POST', `/review/documents/${d.id}/publication`)}>
              <FormattedMessage id="reviewReports.documents.publish" defaultMessage="Publish" />
            </button>
          )}
          {d.translations.map((t) => (
            <TranslationEditor key={`${t.language}-${t.updatedAt}`} doc={d} t={t} onSaved={reload} />
          ))}
        </article>
      ))}
    </section>
  );
}

/** A translator's page: one document, every language shown, the translator's own language editable. */
export function TranslatePage({ language, id }: { language: string; id: number }) {
  const intl = useIntl();
  useDocumentTitle(intl.formatMessage({ id: 'reviewReports.translate.title', defaultMessage: 'Translate document {id}' }, { id }));
  const { data, error, reload } = useReviewLoad(() => call<Doc>('GET', `/review/translations/${language}/documents/${id}`), [language, id]);
  const own = data?.translations.find((t) => t.language === language);
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="reviewReports.translate.title" defaultMessage="Translate document {id}" values={{ id }} />
      </h1>
      {error !== undefined && <ErrorMessage error={error} />}
      {data && own && <TranslationEditor key={own.updatedAt} doc={data} t={own} onSaved={reload} />}
      {data?.translations
        .filter((t) => t.language !== language && t.status !== 'missing')
        .map((t) => (
          <details key={t.language}>
            <summary>
              {new Intl.DisplayNames([intl.locale], { type: 'language' }).of(t.language)} — {intl.formatMessage(statusLabels[t.status])}
            </summary>
            <div className="review-document-body" lang={t.language} dir={t.language === 'ar' ? 'rtl' : 'ltr'}>
              {t.body}
            </div>
          </details>
        ))}
    </section>
  );
}
