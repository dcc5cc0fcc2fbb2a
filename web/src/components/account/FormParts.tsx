import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api.js';

/**
 * The pieces the account forms share (sign-in, sign-up, organizations), in the new-plan form's style: labels above
 * controls, hints tied with aria-describedby, an error that marks its control invalid, is read out and takes focus.
 */

type Control = HTMLInputElement | HTMLSelectElement;

export interface FormError<F extends string> {
  message: string;
  /** The control the error is about; null: the form as a whole (focus goes to its first control). */
  field: F | null;
}

/** An API message as a sentence: "email: invalid" names the form's own label, and starts with a capital. */
export function readableMessage(message: string, labels: Readonly<Record<string, string>> = {}): string {
  const m = message.replace(/^(?:body\.)?(\w+): /, (whole, name: string) => (labels[name] ? `${labels[name]}: ` : whole));
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/**
 * Which field an API error is about: the one its message starts with ("email: …"), else the one its code names
 * (PASSWORD_TOO_SHORT) when it names exactly one (INVALID_EMAIL_OR_PASSWORD names two: the form as a whole).
 */
export function fieldOfError<F extends string>(err: unknown, fields: readonly F[]): F | null {
  if (!(err instanceof ApiError)) return null;
  const prefixed = fields.find((f) => new RegExp(`^(?:body\\.)?${f}\\b`).test(err.message));
  if (prefixed) return prefixed;
  const named = fields.filter((f) => err.code.split('_').includes(f.toUpperCase()));
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * A form's busy flag and error, with refs to its controls so an error can move focus to the control it is about.
 * `run` ignores a second submit while the first is running.
 */
export function useAccountForm<F extends string>(first: F) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError<F> | null>(null);
  const controls = useRef(new Map<F, Control>());
  const errorId = useId();

  const register = useCallback(
    (field: F) => (el: Control | null) => {
      if (el) controls.current.set(field, el);
      else controls.current.delete(field);
    },
    [],
  );

  const fail = useCallback(
    (message: string, field: F | null) => {
      setError({ message, field });
      controls.current.get(field ?? first)?.focus();
    },
    [first],
  );

  /** Editing the control an error is about clears it: the message no longer describes what is there. */
  const clearFor = useCallback((field: F) => {
    setError((e) => (e && (e.field === field || e.field === null) ? null : e));
  }, []);

  const busyRef = useRef(false);
  const run = useCallback(async (work: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  return {
    busy,
    error,
    errorId,
    register,
    fail,
    clearFor,
    run,
    invalid: (field: F) => error?.field === field,
    /**
     * The props a control needs from the form: whether it is invalid, whether the error describes it (its own
     * error, or an error about the whole form on the first control, where focus goes), and its ref.
     */
    control: (field: F) => ({
      invalid: error?.field === field,
      described: error !== null && (error.field ?? first) === field,
      errorId,
      inputRef: register(field),
    }),
  };
}

export function TextField({ label, hint, type = 'text', value, onChange, invalid, described = invalid, errorId, inputRef, autoComplete, maxLength, spellCheck }: {
  label: ReactNode;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password';
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** Whether the form's error describes this control (by default: while it is invalid). */
  described?: boolean;
  /** The id of the form's error message. */
  errorId: string;
  inputRef: (el: HTMLInputElement | null) => void;
  autoComplete?: string;
  maxLength?: number;
  spellCheck?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const describedBy = [hint ? hintId : '', described ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        type={type}
        className="input"
        value={value}
        autoComplete={autoComplete}
        maxLength={maxLength}
        spellCheck={spellCheck}
        autoCapitalize={type === 'text' ? undefined : 'none'}
        aria-describedby={describedBy || undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </div>
  );
}

/** The alert region stays in the page (so it is announced when filled); it shows the error next to the form. */
export function FormAlert({ title, error, errorId }: { title: string; error: { message: string } | null; errorId: string }) {
  return (
    <div role="alert" aria-atomic="true" className="form-card__alert">
      {error && (
        <div className="status status--error form-card__error">
          <p className="status__title">{title}</p>
          <p className="status__message" id={errorId}>
            {error.message}
          </p>
        </div>
      )}
    </div>
  );
}

export function SubmitButton({ busy, busyLabel, children }: { busy: boolean; busyLabel: string; children: ReactNode }) {
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined}>
      {busy && <span className="spinner spinner--light" aria-hidden="true" />}
      {busy ? busyLabel : children}
    </button>
  );
}

/** A thrown value as a message for the form (the API's own words when it sent some). */
export const messageOf = (err: unknown, labels?: Readonly<Record<string, string>>): string =>
  readableMessage(err instanceof Error ? err.message : String(err), labels);
