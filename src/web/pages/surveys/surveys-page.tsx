import { useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { deleteSurvey, getCity, getSurvey, listSurveys, type Survey } from '../../api/client.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { TokenForm, useOperatorToken } from '../../components/token-form.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { pathOf } from '../../use-route.ts';
import { latestOf, useLoad } from '../city/use-load.ts';
import { SurveyForm } from './survey-form.tsx';

/** Follows an import until it is complete or failed (one request a second). */
function useFollowed(slug: string, started: Survey | undefined, token: string): Survey | undefined {
  const [current, setCurrent] = useState(started);
  useEffect(() => {
    setCurrent(started);
    if (!started) return;
    let stop = false;
    const poll = async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 1000));
        if (stop) return;
        try {
          const next = await getSurvey(slug, started.id, token);
          setCurrent(next);
          if (next.status !== 'running' || next.job?.status === 'failed') return;
        } catch {
          return;
        }
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [slug, started, token]);
  return current;
}

function Status({ survey }: { survey: Survey }) {
  switch (survey.status) {
    case 'running':
      return <FormattedMessage id="surveys.status.running" defaultMessage="Importing" />;
    case 'complete':
      return <FormattedMessage id="surveys.status.complete" defaultMessage="Complete" />;
    case 'failed':
      return <FormattedMessage id="surveys.status.failed" defaultMessage="Failed" />;
    default: {
      const unreachable: never = survey.status;
      return <>{String(unreachable)}</>;
    }
  }
}

/** The page to import a city's survey (XLSForm, export, mapping), follow the import and manage past ones. */
export function SurveysPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [token, setToken] = useOperatorToken();
  const [started, setStarted] = useState<Survey>();
  const [tick, setTick] = useState(0);
  const [deleteError, setDeleteError] = useState<unknown>();
  const city = useLoad(slug, (signal) => getCity(slug, signal));
  const past = useLoad(token ? JSON.stringify([slug, token, tick]) : undefined, (signal) => listSurveys(slug, token, signal));
  const followed = useFollowed(slug, started, token);
  const name = latestOf(city)?.name;
  const title = intl.formatMessage({ id: 'surveys.title', defaultMessage: 'Import a survey' });
  useDocumentTitle(name ? `${title} – ${name}` : title);

  const finished = followed && followed.status !== 'running' ? followed.status : undefined;
  useEffect(() => {
    if (finished) setTick((t) => t + 1);
  }, [finished]);

  const remove = async (survey: Survey) => {
    const ok = window.confirm(
      intl.formatMessage({ id: 'surveys.delete.confirm', defaultMessage: 'Delete survey {id} and all its responses?' }, { id: survey.id }),
    );
    if (!ok) return;
    setDeleteError(undefined);
    try {
      await deleteSurvey(slug, survey.id, token);
      setTick((t) => t + 1);
    } catch (caught) {
      setDeleteError(caught);
    }
  };
  const surveys = latestOf(past) ?? [];

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'city', slug })}>
          <FormattedMessage id="surveys.backToCity" defaultMessage="Back to the city" />
        </AppLink>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {name && (
        <p className="subtitle" data-i18n-exempt translate="no">
          {name}
        </p>
      )}
      {city.state === 'failed' && <ErrorMessage error={city.error} />}
      <p>
        <FormattedMessage
          id="surveys.intro"
          defaultMessage="Upload a perception and victimisation survey made with KoBoToolbox or ODK: its XLSForm, the export of its submissions and the mapping of its questions to the standard modules. Survey indicators (16.1.3, 16.1.4, 16.3.1, 11.7.2) are then computed from the responses, with intervals from the sample design."
        />
      </p>
      <p>
        <a href="/api/v1/surveys/standard-form.xlsx" download>
          <FormattedMessage id="surveys.standardForm" defaultMessage="Download the standard modules form (XLSForm, six languages)" />
        </a>
      </p>
      <TokenForm
        token={token}
        onSubmit={(next) => {
          setToken(next);
          setTick((t) => t + 1);
        }}
        submitLabel={<FormattedMessage id="surveys.token.submit" defaultMessage="Use this token" />}
      />
      {!token ? (
        <p className="notice">
          <FormattedMessage id="surveys.token.needed" defaultMessage="Enter the administrator token to import surveys and see past imports." />
        </p>
      ) : (
        <>
          <section aria-labelledby="new-survey-heading">
            <h2 id="new-survey-heading">
              <FormattedMessage id="surveys.new.title" defaultMessage="New survey import" />
            </h2>
            <SurveyForm slug={slug} token={token} onStarted={setStarted} />
          </section>
          {followed && (
            <section aria-labelledby="survey-status-heading" aria-live="polite">
              <h2 id="survey-status-heading">
                <FormattedMessage id="surveys.progress.title" defaultMessage="Survey {id}" values={{ id: followed.id }} />
              </h2>
              <p role="status" data-testid="survey-status">
                <Status survey={followed} />
                {followed.status === 'complete' && (
                  <>
                    {' – '}
                    <FormattedMessage
                      id="surveys.progress.totals"
                      defaultMessage="{read, plural, one {# row read} other {# rows read}}, {imported} imported, {rejected} rejected"
                      values={followed.totals}
                    />
                  </>
                )}
              </p>
              {followed.status === 'failed' && followed.error && (
                <p className="error" lang="en" data-i18n-exempt>
                  {followed.error}
                </p>
              )}
              {followed.repeats.length > 0 && (
                <p>
                  <FormattedMessage
                    id="surveys.progress.repeats"
                    defaultMessage="Repeat groups skipped: {groups}"
                    values={{ groups: <code data-i18n-exempt translate="no">{followed.repeats.join(', ')}</code> }}
                  />
                </p>
              )}
              {followed.totals.rejected > 0 && (
                <p>
                  <a href={`/api/v1/cities/${encodeURIComponent(slug)}/surveys/${followed.id}/rejections.csv`}>
                    <FormattedMessage id="surveys.progress.rejections" defaultMessage="Rejected rows (CSV)" />
                  </a>
                </p>
              )}
            </section>
          )}
          <section aria-labelledby="past-surveys-heading">
            <h2 id="past-surveys-heading">
              <FormattedMessage id="surveys.past.title" defaultMessage="Imported surveys" />
            </h2>
            {past.state === 'failed' && <ErrorMessage error={past.error} />}
            {deleteError !== undefined && <ErrorMessage error={deleteError} />}
            {past.state !== 'failed' && surveys.length === 0 && (
              <p>
                <FormattedMessage id="surveys.past.empty" defaultMessage="No survey yet for this city." />
              </p>
            )}
            {surveys.length > 0 && (
              <div className="table-scroll">
                <table className="data-table">
                  <caption>
                    <FormattedMessage id="surveys.past.caption" defaultMessage="Imported surveys, newest first" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col"><FormattedMessage id="surveys.column.name" defaultMessage="Survey" /></th>
                      <th scope="col"><FormattedMessage id="surveys.column.status" defaultMessage="Status" /></th>
                      <th scope="col"><FormattedMessage id="surveys.column.period" defaultMessage="Interviews" /></th>
                      <th scope="col" className="numeric"><FormattedMessage id="surveys.column.imported" defaultMessage="Responses" /></th>
                      <th scope="col" className="numeric"><FormattedMessage id="surveys.column.rejected" defaultMessage="Rows rejected" /></th>
                      <th scope="col"><FormattedMessage id="surveys.column.indicators" defaultMessage="Indicators" /></th>
                      <th scope="col"><FormattedMessage id="surveys.column.actions" defaultMessage="Actions" /></th>
                    </tr>
                  </thead>
                  <tbody>
                    {surveys.map((s) => (
                      <tr key={s.id}>
                        <td data-i18n-exempt translate="no">{s.name}</td>
                        <td><Status survey={s} /></td>
                        <td>
                          {s.firstDate && s.lastDate ? (
                            <FormattedMessage
                              id="surveys.column.periodValue"
                              defaultMessage="{from} to {to}"
                              values={{
                                from: <FormattedDate value={`${s.firstDate}T12:00:00Z`} timeZone="UTC" dateStyle="medium" />,
                                to: <FormattedDate value={`${s.lastDate}T12:00:00Z`} timeZone="UTC" dateStyle="medium" />,
                              }}
                            />
                          ) : (
                            '–'
                          )}
                        </td>
                        <td className="numeric"><FormattedNumber value={s.totals.imported} /></td>
                        <td className="numeric"><FormattedNumber value={s.totals.rejected} /></td>
                        <td data-i18n-exempt translate="no">{s.indicators.join(', ')}</td>
                        <td>
                          <button type="button" onClick={() => void remove(s)}>
                            <FormattedMessage id="surveys.delete.button" defaultMessage="Delete survey {id}" values={{ id: s.id }} />
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
