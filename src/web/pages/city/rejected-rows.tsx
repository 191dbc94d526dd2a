import { parse } from 'csv-parse/browser/esm/sync';
import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { getRejectionsCsv } from '../../api/client.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

export const shownRejections = 20;

type Rejection = { n: number; line: string; field: string; value: string; reason: string };

/** Reads the rejections report: one header row (line,field,value,reason), then one row per problem. */
export function parseRejections(csv: string): Rejection[] {
  const records: Record<string, string>[] = parse(csv, { columns: true, skip_empty_lines: true, bom: true });
  return records.map((r, n) => ({ n, line: r.line ?? '', field: r.field ?? '', value: r.value ?? '', reason: r.reason ?? '' }));
}

type Report = { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'loaded'; rows: Rejection[]; url: string };

type Props = { slug: string; batchId: number; token: string };

/** The link to the rejected-rows report, and its first rows in a table. */
export function RejectedRows({ slug, batchId, token }: Props) {
  const [report, setReport] = useState<Report>({ state: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    let url: string | undefined;
    getRejectionsCsv(slug, batchId, token, abort.signal).then(
      (csv) => {
        if (abort.signal.aborted) return;
        // The report needs the token: the browser downloads the copy fetched here.
        url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
        try {
          setReport({ state: 'loaded', rows: parseRejections(csv), url });
        } catch (error) {
          setReport({ state: 'failed', error });
        }
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setReport({ state: 'failed', error });
      },
    );
    return () => {
      abort.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [slug, batchId, token]);

  if (report.state === 'loading') {
    return (
      <p role="status">
        <FormattedMessage id="imports.rejections.loading" defaultMessage="Loading the rejected rows…" />
      </p>
    );
  }
  if (report.state === 'failed') return <ErrorMessage error={report.error} />;
  const first = report.rows.slice(0, shownRejections);
  return (
    <div className="rejections">
      <p>
        <a href={report.url} download={`rejections-${batchId}.csv`}>
          <FormattedMessage id="imports.rejections.download" defaultMessage="Download the rejected rows (CSV)" />
        </a>
      </p>
      {report.rows.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="imports.rejections.none" defaultMessage="No row was rejected." />
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              <FormattedMessage
                id="imports.rejections.caption"
                defaultMessage="{shown, plural, one {The first rejected row} other {The first # rejected rows}} of {total, number}"
                values={{ shown: first.length, total: report.rows.length }}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col" className="numeric"><FormattedMessage id="imports.rejections.line" defaultMessage="Line" /></th>
                <th scope="col"><FormattedMessage id="imports.rejections.field" defaultMessage="Field" /></th>
                <th scope="col"><FormattedMessage id="imports.rejections.value" defaultMessage="Value" /></th>
                <th scope="col"><FormattedMessage id="imports.rejections.reason" defaultMessage="Reason (from the server, in English)" /></th>
              </tr>
            </thead>
            <tbody>
              {first.map((r) => (
                <tr key={r.n}>
                  <td className="numeric" data-i18n-exempt>{r.line}</td>
                  <td data-i18n-exempt translate="no"><code>{r.field}</code></td>
                  <td data-i18n-exempt translate="no">{r.value}</td>
                  <td lang="en" data-i18n-exempt>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
