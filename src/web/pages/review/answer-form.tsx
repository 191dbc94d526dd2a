import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { type Answer, call, type Question, type StoredAnswer } from './review-api.ts';
import { sectionLabels, statusLabels, taTypeLabels } from './review-labels.ts';

const empty: Answer = { status: null, narrative: '', measures: '', difficulties: '', goodPractices: '', evidence: [], taNeeds: [] };
const TEXTS = ['narrative', 'measures', 'difficulties', 'goodPractices'] as const;
const AUTOSAVE_MS = 1500;

type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'conflict'; current: StoredAnswer | null; message: string } | { kind: 'error'; error: unknown };

/**
 * One answer of the state's form. Each change is saved a moment later (autosave) with the version read; when someone
 * else saved in between, the server refuses (409) and the form says so, keeping the text typed here, with a button to
 * load the other person's answer.
 */
export function AnswerForm({ base, question, stored, canUpload }: { base: string; question: Question; stored: StoredAnswer | undefined; canUpload: boolean }) {
  const intl = useIntl();
  const [answer, setAnswer] = useState<Answer>({ ...empty, ...(stored?.answer ?? {}) });
  const [version, setVersion] = useState(stored?.version ?? 0);
  const [assisted, setAssisted] = useState(stored?.assisted ?? false);
  const [carried, setCarried] = useState(stored?.carriedOver ?? false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const saveState = useRef(save);
  saveState.current = save;
  const latest = useRef({ answer, version });
  latest.current = { answer, version };
  const id = (field: string) => `${question.id}-${field}`;

  const saveNow = useCallback(async () => {
    window.clearTimeout(timer.current);
    setSave({ kind: 'saving' });
    try {
      const saved = await call<StoredAnswer>('PUT', `${base}/answers/${question.id}`, { version: latest.current.version, answer: latest.current.answer });
      setVersion(saved.version);
      setAssisted(saved.assisted);
      setCarried(saved.carriedOver);
      setSave({ kind: 'saved' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'review.answer_conflict') {
        const d = e.details as { currentVersion: number; current: Answer | null };
        setSave({ kind: 'conflict', current: d.current ? { questionId: question.id, version: d.currentVersion, answer: d.current, assisted: false, carriedOver: false, updatedAt: '' } : null, message: e.message });
      } else setSave({ kind: 'error', error: e });
    }
  }, [base, question.id]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const change = (patch: Partial<Answer>) => {
    setAnswer((a) => ({ ...a, ...patch }));
    setSave((s) => (s.kind === 'conflict' ? s : { kind: 'dirty' }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (saveState.current.kind !== 'conflict') void saveNow();
    }, AUTOSAVE_MS);
  };
  const loadTheirs = () => {
    if (save.kind !== 'conflict') return;
    setAnswer({ ...empty, ...(save.current?.answer ?? {}) });
    setVersion(save.current?.version ?? 0);
    setSave({ kind: 'idle' });
  };

  const [link, setLink] = useState({ url: '', title: '' });
  const [ta, setTa] = useState({ type: 'capacity_building', subject: question.section, details: '' });
  const upload = async (file: File) => {
    const buffer = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of buffer) binary += String.fromCharCode(byte);
    try {
      const res = await call<{ fileId: number; name: string }>('POST', `${base}/evidence`, { questionId: question.id, name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: btoa(binary) });
      change({ evidence: [...latest.current.answer.evidence, { kind: 'file', fileId: res.fileId, name: res.name }] });
    } catch (e) {
      setSave({ kind: 'error', error: e });
    }
  };

  return (
    <div className="review-answer">
      {assisted && (
        <p className="review-badge">
          <FormattedMessage id="review.answer.assisted" defaultMessage="Written with the secretariat's assistance, at the state's request." />
        </p>
      )}
      {carried && (
        <p className="review-badge">
          <FormattedMessage id="review.answer.carried" defaultMessage="Carried over from the previous cycle: review and update it." />
        </p>
      )}
      <label htmlFor={id('status')}>
        <FormattedMessage id="review.answer.status" defaultMessage="Implementation status" />
      </label>
      <select id={id('status')} value={answer.status ?? ''} onChange={(e) => change({ status: e.target.value || null })}>
        <option value="">{intl.formatMessage({ id: 'review.answer.chooseStatus', defaultMessage: 'Choose a status' })}</option>
        {Object.entries(statusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {intl.formatMessage(label)}
          </option>
        ))}
      </select>
      {TEXTS.map((field) => (
        <div key={field} className="review-field">
          <label htmlFor={id(field)}>
            {field === 'narrative' && <FormattedMessage id="review.answer.narrative" defaultMessage="Narrative" />}
            {field === 'measures' && <FormattedMessage id="review.answer.measures" defaultMessage="Measures taken" />}
            {field === 'difficulties' && <FormattedMessage id="review.answer.difficulties" defaultMessage="Difficulties" />}
            {field === 'goodPractices' && <FormattedMessage id="review.answer.goodPractices" defaultMessage="Good practices" />}
          </label>
          <textarea data-i18n-exempt id={id(field)} dir="auto" rows={field === 'narrative' ? 5 : 3} value={answer[field]} onChange={(e) => change({ [field]: e.target.value })} />
        </div>
      ))}
      <fieldset>
        <legend>
          <FormattedMessage id="review.answer.evidence" defaultMessage="Evidence" />
        </legend>
        <ul className="review-list">
          {answer.evidence.map((e, i) => (
            <li key={e.kind === 'link' ? `link-${e.url}-${e.title}` : `file-${e.fileId}`}>
              {e.kind === 'link' ? (
                <a href={e.url} data-i18n-exempt rel="noopener noreferrer">
                  {e.title || e.url}
                </a>
              ) : (
                <a href={`/api/v1${base}/evidence/${e.fileId}`} data-i18n-exempt>
                  {e.name}
                </a>
              )}{' '}
              <button type="button" onClick={() => change({ evidence: answer.evidence.filter((_, j) => j !== i) })}>
                <FormattedMessage id="review.answer.remove" defaultMessage="Remove" />
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor={id('link-url')}>
          <FormattedMessage id="review.answer.linkUrl" defaultMessage="Link (an address, or a page of this platform such as /cities/nairobi)" />
        </label>
        <input id={id('link-url')} dir="ltr" value={link.url} onChange={(e) => setLink({ ...link, url: e.target.value })} />
        <label htmlFor={id('link-title')}>
          <FormattedMessage id="review.answer.linkTitle" defaultMessage="Title of the link" />
        </label>
        <input id={id('link-title')} dir="auto" value={link.title} onChange={(e) => setLink({ ...link, title: e.target.value })} />
        <button
          type="button"
          disabled={!link.url}
          onClick={() => {
            change({ evidence: [...answer.evidence, { kind: 'link', url: link.url, title: link.title }] });
            setLink({ url: '', title: '' });
          }}
        >
          <FormattedMessage id="review.answer.addLink" defaultMessage="Add the link" />
        </button>
        {canUpload && (
          <>
            <label htmlFor={id('file')}>
              <FormattedMessage id="review.answer.file" defaultMessage="Add a file (5 MiB at most)" />
            </label>
            <input id={id('file')} type="file" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>
          <FormattedMessage id="review.answer.taNeeds" defaultMessage="Technical-assistance needs" />
        </legend>
        <ul className="review-list">
          {answer.taNeeds.map((n, i) => (
            <li key={`${n.type}-${n.subject}-${n.details}`}>
              {intl.formatMessage(taTypeLabels[n.type as keyof typeof taTypeLabels])} / {intl.formatMessage(sectionLabels[n.subject as keyof typeof sectionLabels])}
              {n.details && <span data-i18n-exempt>: {n.details}</span>}{' '}
              <button type="button" onClick={() => change({ taNeeds: answer.taNeeds.filter((_, j) => j !== i) })}>
                <FormattedMessage id="review.answer.remove" defaultMessage="Remove" />
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor={id('ta-type')}>
          <FormattedMessage id="review.answer.taType" defaultMessage="Type of assistance" />
        </label>
        <select id={id('ta-type')} value={ta.type} onChange={(e) => setTa({ ...ta, type: e.target.value })}>
          {Object.entries(taTypeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {intl.formatMessage(label)}
            </option>
          ))}
        </select>
        <label htmlFor={id('ta-subject')}>
          <FormattedMessage id="review.answer.taSubject" defaultMessage="Subject" />
        </label>
        <select id={id('ta-subject')} value={ta.subject} onChange={(e) => setTa({ ...ta, subject: e.target.value })}>
          {Object.entries(sectionLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {intl.formatMessage(label)}
            </option>
          ))}
        </select>
        <label htmlFor={id('ta-details')}>
          <FormattedMessage id="review.answer.taDetails" defaultMessage="What is needed" />
        </label>
        <textarea data-i18n-exempt id={id('ta-details')} dir="auto" rows={2} value={ta.details} onChange={(e) => setTa({ ...ta, details: e.target.value })} />
        <button
          type="button"
          onClick={() => {
            change({ taNeeds: [...answer.taNeeds, ta] });
            setTa({ ...ta, details: '' });
          }}
        >
          <FormattedMessage id="review.answer.addTa" defaultMessage="Add the need" />
        </button>
      </fieldset>
      <div className="review-save">
        <button type="button" onClick={() => void saveNow()} disabled={save.kind === 'conflict'}>
          <FormattedMessage id="review.answer.save" defaultMessage="Save now" />
        </button>
        <span role="status" aria-live="polite">
          {save.kind === 'dirty' && <FormattedMessage id="review.answer.dirty" defaultMessage="Not saved yet…" />}
          {save.kind === 'saving' && <FormattedMessage id="review.answer.saving" defaultMessage="Saving…" />}
          {save.kind === 'saved' && <FormattedMessage id="review.answer.saved" defaultMessage="Saved." />}
        </span>
      </div>
      {save.kind === 'conflict' && (
        <div className="error" role="alert">
          <p>
            <FormattedMessage
              id="review.answer.conflict"
              defaultMessage="Someone else saved the answer to question {question} (para {paragraph}) since you opened it. Your text was not saved and is still here: copy what you need, load their answer, then add your changes and save."
              values={{ question: <span data-i18n-exempt>{question.id}</span>, paragraph: <span data-i18n-exempt>{question.paragraph}</span> }}
            />
          </p>
          <button type="button" onClick={loadTheirs}>
            <FormattedMessage id="review.answer.loadTheirs" defaultMessage="Load the current answer" />
          </button>
        </div>
      )}
      {save.kind === 'error' && <ErrorMessage error={save.error} />}
    </div>
  );
}

/** An answer as the reviewers read it. */
export function AnswerView({ stored }: { stored: StoredAnswer | undefined }) {
  const intl = useIntl();
  if (!stored) {
    return (
      <p>
        <FormattedMessage id="review.answer.none" defaultMessage="Not answered yet." />
      </p>
    );
  }
  const a = stored.answer;
  return (
    <dl className="review-answer-view">
      <dt>
        <FormattedMessage id="review.answer.status" defaultMessage="Implementation status" />
      </dt>
      <dd>{a.status ? intl.formatMessage(statusLabels[a.status as keyof typeof statusLabels]) : '—'}</dd>
      {TEXTS.filter((f) => a[f].trim()).map((f) => (
        <div key={f}>
          <dt>
            {f === 'narrative' && <FormattedMessage id="review.answer.narrative" defaultMessage="Narrative" />}
            {f === 'measures' && <FormattedMessage id="review.answer.measures" defaultMessage="Measures taken" />}
            {f === 'difficulties' && <FormattedMessage id="review.answer.difficulties" defaultMessage="Difficulties" />}
            {f === 'goodPractices' && <FormattedMessage id="review.answer.goodPractices" defaultMessage="Good practices" />}
          </dt>
          <dd dir="auto" data-i18n-exempt>
            {a[f]}
          </dd>
        </div>
      ))}
      {a.evidence.length > 0 && (
        <>
          <dt>
            <FormattedMessage id="review.answer.evidence" defaultMessage="Evidence" />
          </dt>
          {a.evidence.map((e, _i) => (
            <dd key={e.kind === 'link' ? `link-${e.url}-${e.title}` : `file-${e.fileId}`} data-i18n-exempt>
              {e.kind === 'link' ? e.title || e.url : e.name}
            </dd>
          ))}
        </>
      )}
      {a.taNeeds.length > 0 && (
        <>
          <dt>
            <FormattedMessage id="review.answer.taNeeds" defaultMessage="Technical-assistance needs" />
          </dt>
          {a.taNeeds.map((n, _i) => (
            <dd key={`${n.type}-${n.subject}-${n.details}`}>
              {intl.formatMessage(taTypeLabels[n.type as keyof typeof taTypeLabels])} / {intl.formatMessage(sectionLabels[n.subject as keyof typeof sectionLabels])}
              {n.details && <span data-i18n-exempt>: {n.details}</span>}
            </dd>
          ))}
        </>
      )}
    </dl>
  );
}
