import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError, getStandardMapping, type Survey, startSurveyImport } from '../../api/client.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

type Problem = 'noForm' | 'noData' | 'badJson';

/** The server's problems ({ field, reason }): the mapping fields or form rows at fault. */
function problemsOf(error: unknown): { where: string; reason: string }[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const list = (error.details as { problems?: unknown }).problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { field, reason, sheet, line } = p as { field?: unknown; reason?: unknown; sheet?: unknown; line?: unknown };
    if (typeof reason !== 'string') return [];
    const where = typeof sheet === 'string' ? `${sheet} ${String(line)} ${String(field)}` : String(field ?? '');
    return [{ where, reason }];
  });
}

type Props = { slug: string; token: string; onStarted: (survey: Survey) => void };

/** Upload of an XLSForm, its submissions export and the mapping, with the design columns. */
export function SurveyForm({ slug, token, onStarted }: Props) {
  const formInput = useRef<HTMLInputElement>(null);
  const dataInput = useRef<HTMLInputElement>(null);
  const [mapping, setMapping] = useState('');
  const [design, setDesign] = useState({ name: '', weight: '', strata: '', cluster: '' });
  const [problem, setProblem] = useState<Problem>();
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    getStandardMapping(abort.signal).then(
      (text) => setMapping((current) => current || text),
      () => undefined,
    );
    return () => abort.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const form = formInput.current?.files?.[0];
    const data = dataInput.current?.files?.[0];
    let found: Problem | undefined = !form ? 'noForm' : !data ? 'noData' : undefined;
    if (!found) {
      try {
        JSON.parse(mapping);
      } catch {
        found = 'badJson';
      }
    }
    setProblem(found);
    if (found || !form || !data) {
      const id = found === 'noForm' ? 'survey-form-file' : found === 'noData' ? 'survey-data-file' : 'survey-mapping';
      document.getElementById(id)?.focus();
      return;
    }
    setSending(true);
    try {
      onStarted(await startSurveyImport(slug, form, data, { mapping, ...design }, token));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  const problems = problemsOf(error);
  const designField = (key: 'name' | 'weight' | 'strata' | 'cluster', label: ReactNode) => (
    <div className="field">
      <label htmlFor={`survey-${key}`}>{label}</label>
      <input
        id={`survey-${key}`}
        type="text"
        dir="auto"
        value={design[key]}
        onChange={(event) => setDesign((d) => ({ ...d, [key]: event.target.value }))}
      />
    </div>
  );

  return (
    <form className="import-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="survey-form-file">
          <FormattedMessage id="surveys.form.form" defaultMessage="XLSForm (XLSX)" />
        </label>
        <input
          id="survey-form-file"
          ref={formInput}
          type="file"
          accept=".xlsx"
          aria-invalid={problem === 'noForm' || undefined}
          onChange={() => setProblem(undefined)}
        />
        {problem === 'noForm' && (
          <p className="field-error" role="alert">
            <FormattedMessage id="surveys.form.noForm" defaultMessage="Choose the XLSForm of the survey." />
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="survey-data-file">
          <FormattedMessage id="surveys.form.data" defaultMessage="Submissions export (CSV or XLSX)" />
        </label>
        <input
          id="survey-data-file"
          ref={dataInput}
          type="file"
          accept=".csv,.txt,.xlsx"
          aria-invalid={problem === 'noData' || undefined}
          aria-describedby="survey-data-help"
          onChange={() => setProblem(undefined)}
        />
        <p id="survey-data-help" className="help">
          <FormattedMessage
            id="surveys.form.dataHelp"
            defaultMessage="The export of KoBoToolbox or ODK, with the full group names in the column headers. Repeat groups are reported and skipped."
          />
        </p>
        {problem === 'noData' && (
          <p className="field-error" role="alert">
            <FormattedMessage id="surveys.form.noData" defaultMessage="Choose the file of submissions." />
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="survey-mapping">
          <FormattedMessage id="surveys.form.mapping" defaultMessage="Mapping to the standard modules (JSON)" />
        </label>
        <textarea
          id="survey-mapping"
          rows={12}
          spellCheck={false}
          translate="no"
          data-i18n-exempt
          dir="ltr"
          value={mapping}
          aria-invalid={problem === 'badJson' || undefined}
          aria-describedby="survey-mapping-help"
          onChange={(event) => {
            setMapping(event.target.value);
            setProblem(undefined);
          }}
        />
        <p id="survey-mapping-help" className="help">
          <FormattedMessage
            id="surveys.form.mappingHelp"
            defaultMessage="Which questions of the form answer the standard modules and what their choices mean. It starts as the mapping of the standard form; adapt it to your own form."
          />
        </p>
        {problem === 'badJson' && (
          <p className="field-error" role="alert">
            <FormattedMessage id="surveys.form.badJson" defaultMessage="The mapping is not valid JSON." />
          </p>
        )}
      </div>
      <fieldset>
        <legend>
          <FormattedMessage id="surveys.form.design" defaultMessage="Sample design (columns of the export, optional)" />
        </legend>
        {designField('weight', <FormattedMessage id="surveys.form.weight" defaultMessage="Weight column" />)}
        {designField('strata', <FormattedMessage id="surveys.form.strata" defaultMessage="Strata column" />)}
        {designField('cluster', <FormattedMessage id="surveys.form.cluster" defaultMessage="Cluster column" />)}
      </fieldset>
      {designField('name', <FormattedMessage id="surveys.form.name" defaultMessage="Name of the survey (optional)" />)}
      <button type="submit" disabled={sending}>
        <FormattedMessage id="surveys.form.submit" defaultMessage="Upload and import" />
      </button>
      {sending && (
        <p role="status">
          <FormattedMessage id="surveys.form.sending" defaultMessage="Uploading the files…" />
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {problems.length > 0 && (
        <ul className="error-details" lang="en" data-i18n-exempt>
          {problems.map((p) => (
            <li key={`${p.where}:${p.reason}`}>
              <code translate="no">{p.where}</code> {p.reason}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
