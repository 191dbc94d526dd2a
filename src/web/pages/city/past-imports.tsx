import { useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber, FormattedTime } from 'react-intl';
import { undoImport } from '../../api/client.ts';
import type { ImportBatch } from '../../api/types.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { importStatusLabels } from './import-labels.ts';

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span aria-hidden="true">—</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso}>
      <FormattedDate value={date} dateStyle="medium" /> <FormattedTime value={date} timeStyle="short" />
    </time>
  );
}

type Props = { slug: string; token: string; imports: ImportBatch[]; onChanged: () => void };

type Outcome = { kind: 'undone'; id: number } | { kind: 'failed'; error: unknown };

/** The city's past imports, newest first, each complete one with an Undo button that asks first. */
export function PastImports({ slug, token, imports, onChanged }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState<ImportBatch>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const opener = useRef<HTMLButtonElement | null>(null);

  const ask = (batch: ImportBatch, button: HTMLButtonElement) => {
    opener.current = button;
    setAsking(batch);
    setOutcome(undefined);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
    setAsking(undefined);
  };
  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    try {
      await undoImport(slug, asking.batchId, token);
      setOutcome({ kind: 'undone', id: asking.batchId });
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
      close();
      onChanged();
    }
  };

  return (
    <>
      <div aria-live="polite" className="outcome">
        {outcome?.kind === 'undone' && (
          <p>
            <FormattedMessage id="imports.undo.done" defaultMessage="Import {id, number, ::group-off} was undone." values={{ id: outcome.id }} />
          </p>
        )}
      </div>
      {outcome?.kind === 'failed' && <ErrorMessage error={outcome.error} />}
      {imports.length === 0 ? (
        <p className="empty-state">
          <FormattedMessage id="imports.past.empty" defaultMessage="No import yet for this city." />
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              <FormattedMessage id="imports.past.caption" defaultMessage="Past imports, newest first" />
            </caption>
            <thead>
              <tr>
                <th scope="col"><FormattedMessage id="imports.column.id" defaultMessage="Import" /></th>
                <th scope="col"><FormattedMessage id="imports.column.file" defaultMessage="File" /></th>
                <th scope="col"><FormattedMessage id="imports.column.source" defaultMessage="Source" /></th>
                <th scope="col"><FormattedMessage id="imports.column.status" defaultMessage="Status" /></th>
                <th scope="col"><FormattedMessage id="imports.column.createdAt" defaultMessage="Started" /></th>
                <th scope="col"><FormattedMessage id="imports.column.completedAt" defaultMessage="Completed" /></th>
                <th scope="col" className="numeric"><FormattedMessage id="imports.totals.imported" defaultMessage="New records" /></th>
                <th scope="col" className="numeric"><FormattedMessage id="imports.totals.rejected" defaultMessage="Rows rejected" /></th>
                <th scope="col"><FormattedMessage id="imports.column.actions" defaultMessage="Actions" /></th>
              </tr>
            </thead>
            <tbody>
              {imports.map((b) => (
                <tr key={b.batchId}>
                  <td><FormattedNumber value={b.batchId} useGrouping={false} /></td>
                  <td data-i18n-exempt translate="no">{b.fileName}</td>
                  <td data-i18n-exempt translate="no">{b.source ?? ''}</td>
                  <td><FormattedMessage {...importStatusLabels[b.status]} /></td>
                  <td><When iso={b.createdAt} /></td>
                  <td><When iso={b.completedAt} /></td>
                  <td className="numeric"><FormattedNumber value={b.totals.imported} /></td>
                  <td className="numeric"><FormattedNumber value={b.totals.rejected} /></td>
                  <td className="actions">
                    {b.status === 'complete' && (
                      <button type="button" className="secondary" onClick={(event) => ask(b, event.currentTarget)}>
                        <FormattedMessage id="imports.undo.button" defaultMessage="Undo" />
                        <span className="visually-hidden">
                          {' '}
                          <FormattedMessage id="imports.undo.which" defaultMessage="import {id, number, ::group-off}" values={{ id: b.batchId }} />
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="undo-dialog-title"
        aria-describedby="undo-dialog-text"
        onClose={() => {
          setAsking(undefined);
          opener.current?.focus();
        }}
      >
        <h2 id="undo-dialog-title">
          <FormattedMessage id="imports.undo.title" defaultMessage="Undo this import?" />
        </h2>
        <p id="undo-dialog-text">
          {asking && (
            <FormattedMessage
              id="imports.undo.text"
              defaultMessage="Import {id, number, ::group-off} ({file}) will be removed with all its records, and the records it replaced will come back."
              values={{ id: asking.batchId, file: <span data-i18n-exempt translate="no">{asking.fileName}</span> }}
            />
          )}
        </p>
        <div className="dialog-actions">
          <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
            <FormattedMessage id="imports.undo.confirm" defaultMessage="Undo the import" />
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={close}>
            <FormattedMessage id="imports.undo.keep" defaultMessage="Keep it" />
          </button>
        </div>
      </dialog>
    </>
  );
}
