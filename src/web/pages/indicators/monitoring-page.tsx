import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { addPriority, addTarget, getMonitoring, listIndicators, listReports, reportUrl, startReport } from '../../api/indicators.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorMessage } from '../../components/error-message.tsx';
import { storedToken } from '../../components/token-form.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { pathOf } from '../../use-route.ts';
import { latestOf, useLoad } from '../city/use-load.ts';
import { monitoringColumns, reportStatusLabels, statusLabels, unitLabels } from './indicator-labels.ts';

const languages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

/** The city's monitoring framework: priorities, baselines, targets, progress, and progress reports. */
export function MonitoringPage({ slug }: { slug: string }) {
  const intl = useIntl();
  const [token] = useState(storedToken);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState({ priorityId: '', code: '16.1.1', baseValue: '', baseYear: '', targetValue: '', targetYear: '' });
  const [report, setReport] = useState({ from: '', to: '', lang: intl.locale.split('-')[0] ?? 'en' });
  useDocumentTitle(intl.formatMessage({ id: 'monitoring.title', defaultMessage: 'Monitoring framework' }));
  const progress = useLoad(JSON.stringify([slug, token, version]), (signal) => getMonitoring(slug, token || undefined, signal));
  const defs = latestOf(useLoad(`list:${slug}`, (signal) => listIndicators(slug, signal))) ?? [];
  const reports = useLoad(JSON.stringify(['reports', slug, token, version]), (signal) => listReports(slug, token || undefined, signal).catch(() => []));
  const priorities = latestOf(progress) ?? [];
  const lang = intl.locale.split('-')[0] ?? 'en';
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : intl.formatNumber(v, { maximumFractionDigits: 2 }));
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e);
    }
  };
  const onPriority = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await addPriority(slug, title, token || undefined);
      setTitle('');
    });
  };
  const onTarget = (e: FormEvent) => {
    e.preventDefault();
    void act(() =>
      addTarget(
        slug,
        {
          priorityId: Number(target.priorityId || priorities[0]?.id),
          indicatorCode: target.code,
          baseline: { value: Number(target.baseValue), year: Number(target.baseYear) },
          target: { value: Number(target.targetValue), year: Number(target.targetYear) },
        },
        token || undefined,
      ),
    );
  };
  const onReport = (e: FormEvent) => {
    e.preventDefault();
    void act(() => startReport(slug, report, token || undefined));
  };

  return (
    <>
      <p className="breadcrumb">
        <AppLink href={pathOf({ page: 'cityIndicators', slug })}>
          <FormattedMessage id="monitoring.backToIndicators" defaultMessage="Back to the indicators" />
        </AppLink>
      </p>
      <h1 tabIndex={-1}>
        <FormattedMessage id="monitoring.title" defaultMessage="Monitoring framework" />
      </h1>
      <p>
        <FormattedMessage
          id="monitoring.intro"
          defaultMessage="On track when the trend projected to the target year reaches the target; off track when the projection's whole 95% interval misses it; uncertain otherwise. Trend: Poisson regression of yearly counts with population as offset."
        />
      </p>
      {progress.state === 'failed' && <ErrorMessage error={progress.error} />}
      {error !== undefined && <ErrorMessage error={error} />}
      {priorities.length === 0 && progress.state === 'loaded' && (
        <p className="empty-state">
          <FormattedMessage id="monitoring.empty" defaultMessage="The city has set no priorities yet." />
        </p>
      )}
      {priorities.map((p) => (
        <section key={p.id} aria-labelledby={`priority-${p.id}`}>
          <h2 id={`priority-${p.id}`}>
            <span data-i18n-exempt>{p.title}</span>
          </h2>
          {p.targets.length > 0 && (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (WCAG 2.1.1)
            <section className="table-scroll" tabIndex={0} aria-label={intl.formatMessage({ id: "indicators.table", defaultMessage: "Table" })}>
              <table>
                <thead>
                  <tr>
                    {['indicator', 'baseline', 'target', 'latest', 'trend', 'status'].map((k) => (
                      <th key={k} scope="col">
                        {intl.formatMessage(monitoringColumns[k]!)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {p.targets.map((t) => {
                    const def = defs.find((d) => d.code === t.target.indicatorCode);
                    return (
                      <tr key={t.target.id}>
                        <td data-i18n-exempt>{`${t.target.indicatorCode} — ${def?.names[lang]?.text ?? ''}`}</td>
                        <td>{`${fmt(t.target.baseline.value)} (${t.target.baseline.year})`}</td>
                        <td>{`${fmt(t.target.target.value)} (${t.target.target.year})`}</td>
                        <td>
                          {t.latest
                            ? t.latest.suppressed
                              ? intl.formatMessage({ id: 'indicators.suppressed', defaultMessage: 'withheld' })
                              : `${fmt(t.latest.value)} (${fmt(t.latest.lower)}–${fmt(t.latest.upper)}), ${t.latest.year}`
                            : '—'}
                        </td>
                        <td>
                          {t.trend
                            ? intl.formatMessage(
                                unitLabels.trend,
                                {
                                  change: fmt(t.trend.annualChangePercent),
                                  year: String(t.trend.projection.year),
                                  value: fmt(t.trend.projection.value),
                                  lower: fmt(t.trend.projection.lower),
                                  upper: fmt(t.trend.projection.upper),
                                },
                              )
                            : '—'}
                        </td>
                        <td className={`status status-${t.status}`}>{intl.formatMessage(statusLabels[t.status]!)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
        </section>
      ))}

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">
          <FormattedMessage id="monitoring.edit" defaultMessage="Priorities and targets (city analysts and administrators)" />
        </h2>
        <form onSubmit={onPriority} className="filters">
          <label>
            <FormattedMessage id="monitoring.priorityTitle" defaultMessage="New priority" />
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
          </label>
          <button type="submit">
            <FormattedMessage id="monitoring.addPriority" defaultMessage="Add the priority" />
          </button>
        </form>
        {priorities.length > 0 && (
          <form onSubmit={onTarget} className="filters">
            <label>
              <FormattedMessage id="monitoring.priority" defaultMessage="Priority" />
              <select value={target.priorityId} onChange={(e) => setTarget({ ...target, priorityId: e.target.value })}>
                {priorities.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <FormattedMessage id="indicators.indicator" defaultMessage="Indicator" />
              <select value={target.code} onChange={(e) => setTarget({ ...target, code: e.target.value })}>
                {defs.map((d) => (
                  <option key={d.code} value={d.code}>
                    {`${d.code} — ${d.names[lang]?.text ?? d.code}`}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <FormattedMessage id="monitoring.baselineValue" defaultMessage="Baseline value" />
              <input type="number" step="any" min="0" required value={target.baseValue} onChange={(e) => setTarget({ ...target, baseValue: e.target.value })} />
            </label>
            <label>
              <FormattedMessage id="monitoring.baselineYear" defaultMessage="Baseline year" />
              <input type="number" min="1900" max="2200" required value={target.baseYear} onChange={(e) => setTarget({ ...target, baseYear: e.target.value })} />
            </label>
            <label>
              <FormattedMessage id="monitoring.targetValue" defaultMessage="Target value" />
              <input type="number" step="any" min="0" required value={target.targetValue} onChange={(e) => setTarget({ ...target, targetValue: e.target.value })} />
            </label>
            <label>
              <FormattedMessage id="monitoring.targetYear" defaultMessage="Target year" />
              <input type="number" min="1900" max="2200" required value={target.targetYear} onChange={(e) => setTarget({ ...target, targetYear: e.target.value })} />
            </label>
            <button type="submit">
              <FormattedMessage id="monitoring.addTarget" defaultMessage="Add the indicator" />
            </button>
          </form>
        )}
      </section>

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">
          <FormattedMessage id="monitoring.reports" defaultMessage="Progress reports" />
        </h2>
        <form onSubmit={onReport} className="filters">
          <label>
            <FormattedMessage id="indicators.from" defaultMessage="From" />
            <input type="date" required value={report.from} onChange={(e) => setReport({ ...report, from: e.target.value })} />
          </label>
          <label>
            <FormattedMessage id="indicators.to" defaultMessage="To (inclusive)" />
            <input type="date" required value={report.to} onChange={(e) => setReport({ ...report, to: e.target.value })} />
          </label>
          <label>
            <FormattedMessage id="monitoring.reportLanguage" defaultMessage="Report language" />
            <select value={report.lang} onChange={(e) => setReport({ ...report, lang: e.target.value })}>
              {languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {new Intl.DisplayNames([l], { type: 'language' }).of(l)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">
            <FormattedMessage id="monitoring.generate" defaultMessage="Generate the report" />
          </button>
        </form>
        <ul>
          {(latestOf(reports) ?? []).map((r) => (
            <li key={r.id}>
              <FormattedMessage
                id="monitoring.reportLine"
                defaultMessage="Report {id}, {from} to {to}: {status}"
                values={{ id: r.id, from: r.from, to: r.to, status: intl.formatMessage(reportStatusLabels[r.status]!) }}
              />{' '}
              {r.hasHtml && (
                <a href={reportUrl(slug, r.id, 'html')} target="_blank" rel="noopener">
                  <FormattedMessage id="monitoring.openHtml" defaultMessage="HTML (printable)" />
                </a>
              )}{' '}
              {r.hasPdf ? (
                <a href={reportUrl(slug, r.id, 'pdf')}>
                  <FormattedMessage id="monitoring.openPdf" defaultMessage="PDF" />
                </a>
              ) : (
                r.status === 'done' && <FormattedMessage id="monitoring.noPdf" defaultMessage="No PDF (Chromium is not available here): print the HTML page instead." />
              )}
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setVersion((v) => v + 1)}>
          <FormattedMessage id="monitoring.refresh" defaultMessage="Refresh" />
        </button>
      </section>
    </>
  );
}
