import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreatePlanBody } from '../../../src/shared/contracts/plans.js';
import { ApiError, api } from '../api.js';
import { readFileAsBase64 } from '../lib/files.js';
import { fileSize, plural, todayISO } from '../lib/format.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';

type Mode = 'text' | 'file';
type Field = 'posting' | 'title' | 'interviewDate';

const ACCEPT = '.txt,.md,.html,.pdf,.docx';
/** The server refuses files over 8 MB; checking first spares reading a huge file into memory. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

interface FormError {
  message: string;
  field: Field;
}

/** API messages name fields as the JSON does ("interviewDate: …"): show the form's labels instead. */
const FIELD_LABELS: [RegExp, string][] = [
  [/^(body\.)?interviewDate: /, 'Interview date: '],
  [/^(body\.)?title: /, 'Job title: '],
  [/^(body\.)?text: /, 'Job description: '],
  [/^(body\.)?file(\.\w+)?: /, 'File: '],
  [/^body: /, ''],
];

function readable(message: string): string {
  let m = message;
  for (const [re, label] of FIELD_LABELS) m = m.replace(re, label);
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** Which control an API error is about, so it can be marked invalid and described by the message. */
function fieldOf(message: string): Field {
  if (/^(body\.)?interviewDate\b/.test(message)) return 'interviewDate';
  if (/^(body\.)?title\b/.test(message)) return 'title';
  return 'posting';
}

const words = (text: string): number => {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
};

export function NewPlanPage() {
  useDocumentTitle('New prep plan');
  const navigate = useNavigate();
  const ids = {
    mode: useId(),
    text: useId(),
    textHint: useId(),
    file: useId(),
    fileHint: useId(),
    title: useId(),
    titleHint: useId(),
    date: useId(),
    dateHint: useId(),
    error: useId(),
  };
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [interviewDate, setInterviewDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const fail = (message: string, field: Field) => {
    setError({ message, field });
    const target = field === 'title' ? titleRef : field === 'interviewDate' ? dateRef : mode === 'text' ? textRef : fileRef;
    target.current?.focus();
  };

  /** Editing the control an error is about clears it: the message no longer describes what is there. */
  const clearFor = (field: Field) => {
    if (error?.field === field) setError(null);
  };

  const submit = async (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (mode === 'text' && !text.trim()) {
      fail('Paste the job description first: the whole posting, with its responsibilities and requirements.', 'posting');
      return;
    }
    if (mode === 'file' && !file) {
      fail('Choose the file with the job description first.', 'posting');
      return;
    }
    if (mode === 'file' && file && file.size > MAX_FILE_BYTES) {
      fail(`The file ${file.name} is ${fileSize(file.size)}; a posting file may be at most 8 MB.`, 'posting');
      return;
    }
    if (mode === 'file' && file && file.size === 0) {
      fail(`The file ${file.name} is empty.`, 'posting');
      return;
    }
    setBusy(true);
    const abort = new AbortController();
    controller.current = abort;
    try {
      const body: CreatePlanBody = {};
      if (mode === 'file' && file) {
        const contentBase64 = await readFileAsBase64(file);
        body.file = { name: file.name, contentBase64 };
      } else {
        body.text = text;
      }
      if (title.trim()) body.title = title.trim();
      if (interviewDate) body.interviewDate = interviewDate;
      const plan = await api.createPlan(body, abort.signal);
      void navigate(`/plans/${encodeURIComponent(plan.id)}`);
    } catch (err) {
      if (abort.signal.aborted) return;
      setBusy(false);
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof ApiError) fail(readable(message), fieldOf(message));
      else fail(message, 'posting');
    }
  };

  const invalid = (field: Field) => error?.field === field;
  const describedBy = (field: Field, hint: string) => (invalid(field) ? `${hint} ${ids.error}` : hint);
  const wordCount = words(text);

  return (
    <div className="plan-new">
      <header className="page-header">
        <Breadcrumb trail={[{ to: '/plans', label: 'Prep plans' }]} current="New plan" />
        <h1>Build a prep plan from a job description</h1>
        <p className="lede">
          Paste the posting you are applying for. Loopcoach reads the role, level and skills it asks for, predicts the interview loop, and
          picks the questions to practise first, with a day-by-day schedule. The posting and the plan stay on this machine.
        </p>
      </header>

      <form className="plan-form" noValidate aria-busy={busy} onSubmit={(e) => void submit(e)}>
        <fieldset className="segmented plan-form__mode">
          <legend>How do you want to add the posting?</legend>
          <div className="segmented__options">
            {(
              [
                ['text', 'Paste the text'],
                ['file', 'Upload a file'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="segmented__option">
                <input
                  type="radio"
                  name={ids.mode}
                  value={value}
                  checked={mode === value}
                  onChange={() => {
                    setMode(value);
                    clearFor('posting');
                  }}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {mode === 'text' ? (
          <div className="field">
            <label htmlFor={ids.text}>Job description</label>
            <p id={ids.textHint} className="field__hint">
              The whole posting: title, responsibilities and requirements. English only, up to 1 MB.
            </p>
            <textarea
              id={ids.text}
              ref={textRef}
              className="input plan-form__text"
              rows={14}
              value={text}
              spellCheck={false}
              aria-describedby={describedBy('posting', ids.textHint)}
              aria-invalid={invalid('posting') || undefined}
              onChange={(e) => {
                setText(e.target.value);
                clearFor('posting');
              }}
            />
            <p className="field__hint plan-form__count">{plural(wordCount, 'word')}</p>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={ids.file}>Posting file</label>
            <p id={ids.fileHint} className="field__hint">
              A .txt, .md, .html, .pdf or .docx file with the posting, up to 8 MB.
            </p>
            <input
              id={ids.file}
              ref={fileRef}
              type="file"
              className="input input--file"
              accept={ACCEPT}
              aria-describedby={describedBy('posting', ids.fileHint)}
              aria-invalid={invalid('posting') || undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                clearFor('posting');
              }}
            />
            {file && (
              <p className="field__hint">
                Selected: <span className="plan-form__file-name">{file.name}</span> ({fileSize(file.size)})
              </p>
            )}
          </div>
        )}

        <div className="plan-form__row">
          <div className="field">
            <label htmlFor={ids.title}>
              Job title <span className="optional">(optional)</span>
            </label>
            <p id={ids.titleHint} className="field__hint">
              When the posting does not start with it.
            </p>
            <input
              id={ids.title}
              ref={titleRef}
              type="text"
              className="input"
              maxLength={200}
              autoComplete="off"
              value={title}
              aria-describedby={describedBy('title', ids.titleHint)}
              aria-invalid={invalid('title') || undefined}
              onChange={(e) => {
                setTitle(e.target.value);
                clearFor('title');
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.date}>
              Interview date <span className="optional">(optional)</span>
            </label>
            <p id={ids.dateHint} className="field__hint">
              The schedule runs up to this day.
            </p>
            <input
              id={ids.date}
              ref={dateRef}
              type="date"
              className="input"
              min={todayISO()}
              value={interviewDate}
              aria-describedby={describedBy('interviewDate', ids.dateHint)}
              aria-invalid={invalid('interviewDate') || undefined}
              onChange={(e) => {
                setInterviewDate(e.target.value);
                clearFor('interviewDate');
              }}
            />
          </div>
        </div>

        <div role="alert" aria-atomic="true" className="plan-form__alert">
          {error && (
            <div className="status status--error plan-form__error">
              <p className="status__title">Could not build the plan</p>
              <p className="status__message" id={ids.error}>
                {error.message}
              </p>
            </div>
          )}
        </div>

        <div className="plan-form__actions">
          <button type="submit" className="button button--large" aria-disabled={busy || undefined}>
            {busy && <span className="spinner spinner--light" aria-hidden="true" />}
            {busy ? 'Building your plan…' : 'Build my prep plan'}
          </button>
          <p role="status" className="plan-form__status">
            {busy ? 'Reading the posting and building your plan. This takes a few seconds.' : ''}
          </p>
        </div>
      </form>

      <p className="back-link">
        <Link to="/plans">Your saved prep plans</Link>
      </p>
    </div>
  );
}
