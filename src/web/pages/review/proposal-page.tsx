import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { listCities } from '../../api/client.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { useCountryName } from '../../components/use-country-name.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useSession } from '../account/session-context.tsx';
import { call, type Proposal } from './review-api.ts';
import { sectionLabels } from './review-labels.ts';
import { useReviewLoad } from './use-review-load.ts';

const SECTIONS = ['principles', 'organisation', 'methods', 'content', 'approaches'] as const;
const LANGS = { ar: 'العربية', en: 'English', es: 'Español', fr: 'Français', ru: 'Русский', zh: '中文' } as const;

/** The national peer-review proposal on its template: saved with its version, cleared by a focal point. */
export function ProposalPage({ country, review }: { country: string; review: string }) {
  const intl = useIntl();
  const countryName = useCountryName();
  const { state } = useSession();
  const path = `/review/countries/${country}/proposals/${review}`;
  const loaded = useReviewLoad(() => call<Proposal>('GET', path), [path]);
  const cities = useReviewLoad(() => listCities(), []);
  const title = intl.formatMessage({ id: 'review.proposal.heading', defaultMessage: 'National peer-review proposal of {state}' }, { state: countryName(country) });
  useDocumentTitle(title);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const session = state.status === 'signedIn' ? state.session : undefined;
  const isFocalPoint = !!session?.secondFactor.verified && session.user.grants.some((g) => g.role === 'country:focal_point' && g.scope === country);
  const lang = intl.locale.slice(0, 2) as keyof typeof LANGS;
  const data = loaded.data;
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!data) return;
    const f = new FormData(event.currentTarget);
    const content: Record<string, string | string[] | boolean> = {};
    for (const field of data.template.fields) {
      if (field.kind === 'sections' || field.kind === 'languages') content[field.id] = f.getAll(field.id).map(String);
      else if (field.kind === 'consent') content[field.id] = f.get(field.id) === 'on';
      else if (field.kind === 'cities') content[field.id] = String(f.get(field.id) ?? '').split(/[\s,]+/).filter(Boolean);
      else content[field.id] = String(f.get(field.id) ?? '');
    }
    try {
      await call('PUT', path, { version: data.proposal.version, content });
      setError(undefined);
      setNotice(intl.formatMessage({ id: 'review.proposal.saved', defaultMessage: 'The proposal is saved.' }));
      await loaded.reload();
    } catch (e) {
      setNotice(undefined);
      setError(e);
    }
  };
  const clear = async () => {
    try {
      await call('POST', `${path}/clearance`);
      setNotice(intl.formatMessage({ id: 'review.proposal.clearedNotice', defaultMessage: 'The proposal is cleared.' }));
      await loaded.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="review">
      <h1 tabIndex={-1}>
        <FormattedMessage id="review.proposal.heading" defaultMessage="National peer-review proposal of {state}" values={{ state: <span data-i18n-exempt>{countryName(country)}</span> }} />
      </h1>
      {loaded.error !== undefined && <ErrorMessage error={loaded.error} />}
      {data && (
        <form className="review-form" onSubmit={save} key={data.proposal.version}>
          <p>
            {data.proposal.status === 'cleared' ? (
              <FormattedMessage id="review.proposal.status.cleared" defaultMessage="Cleared by the focal point" />
            ) : (
              <FormattedMessage id="review.proposal.status.draft" defaultMessage="Draft, not yet cleared by the focal point" />
            )}
          </p>
          {data.template.fields.map((field) => {
            const value = data.proposal.content[field.id];
            const label = (
              <span key={`label-${field.id}`} data-i18n-exempt>
                {field.label[lang] ?? field.label.en}
              </span>
            );
            switch (field.kind) {
              case 'sections':
              case 'languages': {
                const options = field.kind === 'sections' ? SECTIONS.map((s) => [s, intl.formatMessage(sectionLabels[s])] as const) : Object.entries(LANGS);
                const chosen = Array.isArray(value) ? value : [];
                return (
                  <fieldset key={field.id}>
                    <legend>{label}</legend>
                    {options.map(([code, name]) => (
                      <label key={code} className="inline">
                        <input type="checkbox" name={field.id} value={code} defaultChecked={chosen.includes(code)} />
                        <span lang={field.kind === 'languages' ? code : undefined}>{name}</span>
                      </label>
                    ))}
                  </fieldset>
                );
              }
              case 'consent':
                return (
                  <label key={field.id} className="inline">
                    <input type="checkbox" name={field.id} defaultChecked={value === true} />
                    {label}
                  </label>
                );
              case 'cities': {
                const slugs = Array.isArray(value) ? value : [];
                const known = (cities.data ?? []).filter((c) => slugs.includes(c.slug));
                return (
                  <div key={field.id} className="review-field">
                    <label>
                      {label}
                      <textarea data-i18n-exempt name={field.id} dir="ltr" rows={1} defaultValue={slugs.join(', ')} aria-describedby={`${field.id}-help`} />
                    </label>
                    <p id={`${field.id}-help`} className="help">
                      <FormattedMessage id="review.proposal.citiesHelp" defaultMessage="The cities' identifiers on this platform (e.g. nairobi), separated by commas." />
                    </p>
                    {known.length > 0 && (
                      <ul className="review-list">
                        {known.map((c) => (
                          <li key={c.slug}>
                            <AppLink href={`/cities/${c.slug}`}>
                              <FormattedMessage id="review.proposal.observatory" defaultMessage="{city} on the platform" values={{ city: <span data-i18n-exempt>{c.name}</span> }} />
                            </AppLink>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                );
              }
              default:
                return (
                  <label key={field.id}>
                    {label}
                    <textarea data-i18n-exempt name={field.id} dir="auto" rows={4} defaultValue={Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : ''} />
                  </label>
                );
            }
          })}
          <button type="submit">
            <FormattedMessage id="review.proposal.save" defaultMessage="Save the proposal" />
          </button>
          {isFocalPoint && data.proposal.status !== 'cleared' && (
            <button type="button" onClick={clear}>
              <FormattedMessage id="review.proposal.clear" defaultMessage="Clear the proposal" />
            </button>
          )}
          <a href={`/api/v1${path}/export?format=pdf`} download>
            <FormattedMessage id="review.export.pdf" defaultMessage="Download as PDF" />
          </a>{' '}
          <a href={`/api/v1${path}/export?format=docx`} download>
            <FormattedMessage id="review.export.docx" defaultMessage="Download as Word (DOCX)" />
          </a>
        </form>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
