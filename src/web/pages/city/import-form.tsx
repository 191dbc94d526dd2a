import { type FormEvent, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { ApiError, startImport } from '../../api/client.ts';
import type { ImportBatch } from '../../api/types.ts';
import { ErrorMessage } from '../../components/error-message.tsx';

export const acceptedFiles = '.csv,.tsv,.txt,.xlsx,.geojson,.json';

/** The example profile of the import documentation: a French police extract. */
export const exampleProfile = JSON.stringify(
  {
    source: 'police',
    file: { delimiter: ';', decimal: ',', encoding: 'windows-1252' },
    id: ['num_procedure', 'num_infraction'],
    occurredAt: { date: 'date_faits', time: 'heure_faits', format: 'dd/MM/yyyy HH:mm' },
    location: { x: 'coord_x', y: 'coord_y', crs: 'EPSG:2154' },
    category: { column: 'nature', map: { 'VOL AVEC VIOLENCE': '0401' }, unmapped: 'reject' },
    victim: { sex: { column: 'sexe_victime', map: { F: 'female', M: 'male' } }, age: { column: 'age_victime' } },
  },
  null,
  2,
);

type Problem = 'noFile' | 'badJson' | 'notObject';

/** The profile's problem before anything is sent: it must be a JSON object. */
export function checkProfile(text: string): Problem | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'badJson';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'notObject';
}

/** The server's list of problems ({ field, message }), e.g. the profile keys at fault. */
function detailsOf(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { field, message } = d as { field?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ field: typeof field === 'string' ? field : '', message }] : [];
  });
}

type Props = { slug: string; token: string; onStarted: (batch: ImportBatch) => void };

export function ImportForm({ slug, token, onStarted }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [profile, setProfile] = useState(exampleProfile);
  const [problem, setProblem] = useState<Problem>();
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const file = fileInput.current?.files?.[0];
    const found = file ? checkProfile(profile) : 'noFile';
    setProblem(found);
    if (found || !file) {
      (found === 'noFile' ? fileInput.current : document.getElementById('import-profile'))?.focus();
      return;
    }
    setSending(true);
    try {
      onStarted(await startImport(slug, file, profile, token));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  const details = detailsOf(error);
  const profileProblem = problem === 'badJson' || problem === 'notObject';

  return (
    <form className="import-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="import-file">
          <FormattedMessage id="imports.form.file" defaultMessage="File of incident records" />
        </label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept={acceptedFiles}
          aria-invalid={problem === 'noFile' || undefined}
          aria-describedby="import-file-help"
          onChange={() => setProblem(undefined)}
        />
        <p id="import-file-help" className="help">
          <FormattedMessage
            id="imports.form.fileHelp"
            defaultMessage="CSV, XLSX, GeoJSON or JSON. Its columns are read as the profile says."
          />
        </p>
        {problem === 'noFile' && (
          <p className="field-error" role="alert">
            <FormattedMessage id="imports.form.noFile" defaultMessage="Choose a file to import." />
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="import-profile">
          <FormattedMessage id="imports.form.profile" defaultMessage="Import profile (JSON)" />
        </label>
        <textarea
          id="import-profile"
          rows={14}
          spellCheck={false}
          translate="no"
          data-i18n-exempt
          dir="ltr"
          value={profile}
          aria-invalid={profileProblem || undefined}
          aria-describedby={profileProblem ? 'import-profile-error import-profile-help' : 'import-profile-help'}
          onChange={(event) => {
            setProfile(event.target.value);
            setProblem(undefined);
          }}
        />
        <p id="import-profile-help" className="help">
          <FormattedMessage
            id="imports.form.profileHelp"
            defaultMessage="How to read the file: its columns for the date, the place and the category, and how local categories map to ICCS codes. The example is a French police extract; adapt it to your file."
          />
        </p>
        {profileProblem && (
          <p id="import-profile-error" className="field-error" role="alert">
            {problem === 'badJson' ? (
              <FormattedMessage id="imports.form.badJson" defaultMessage="The profile is not valid JSON." />
            ) : (
              <FormattedMessage id="imports.form.notObject" defaultMessage="The profile must be a JSON object, between braces." />
            )}
          </p>
        )}
      </div>
      <button type="submit" disabled={sending}>
        <FormattedMessage id="imports.form.submit" defaultMessage="Upload and import" />
      </button>
      {sending && (
        <p role="status">
          <FormattedMessage id="imports.form.sending" defaultMessage="Uploading the file…" />
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
      {details.length > 0 && (
        <ul className="error-details" lang="en" data-i18n-exempt>
          {details.map((d) => (
            <li key={`${d.field}:${d.message}`}>
              {d.field && <code translate="no">{d.field}</code>} {d.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
