import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject, type SubmitEvent } from 'react';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../api.js';
import { messageOf } from '../components/account/FormParts.js';
import { Breadcrumb } from '../components/common/Breadcrumb.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { formatDateTime, levelText } from '../lib/format.js';
import {
  CONTENT_PATH,
  KINDS,
  canEditContent,
  contentListPath,
  parseProblems,
  type ContentKind,
  type DocumentProblem,
  type KindSpec,
  type SavedDocument,
} from '../lib/orgContent.js';
import { useMe } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { NotFoundPage } from './NotFoundPage.js';
import type { SavedNotice } from './ContentPage.js';

/** The editor for one of the organization's questions: new (from the example) or an existing one (its Markdown). */
export function QuestionEditorPage() {
  return <ContentEditorPage kind="question" />;
}

export function GuideEditorPage() {
  return <ContentEditorPage kind="guide" />;
}

function ContentEditorPage({ kind }: { kind: ContentKind }) {
  const me = useMe();
  const { slug } = useParams();
  const spec = KINDS[kind];
  if (!canEditContent(me)) {
    return (
      <div className="page-state">
        <h1>Only owners and coaches edit this content</h1>
        <p>
          You can read and practise your organization’s {spec.noun}s; its owners and coaches add and change them. Ask one of them if
          something needs fixing.
        </p>
        <p>
          <Link to={contentListPath(kind)}>Back to your content</Link>
        </p>
      </div>
    );
  }
  return slug === undefined ? <Editor key="new" spec={spec} saved={null} /> : <ExistingDocument key={slug} spec={spec} slug={slug} />;
}

function ExistingDocument({ spec, slug }: { spec: KindSpec; slug: string }) {
  const doc = useApi(`org:${spec.kind}:${slug}`, (signal) => spec.load(slug, signal));
  useDocumentTitle(doc.status === 'error' ? `${spec.Noun} not available` : undefined);
  if (doc.status === 'error') {
    if (doc.error instanceof ApiError && doc.error.status === 404) return <NotFoundPage />;
    return (
      <div className="page-state">
        <h1>This {spec.noun} cannot be edited</h1>
        <ErrorMessage error={doc.error} title={`Could not load the ${spec.noun}`} onRetry={doc.reload}>
          <Link to={contentListPath(spec.kind)}>Back to your content</Link>
        </ErrorMessage>
      </div>
    );
  }
  if (doc.status !== 'success') return <Loading>Loading the {spec.noun}…</Loading>;
  return <Editor spec={spec} saved={doc.data} />;
}

/** Offsets of the start and end of 1-based `line` in `text` (clamped to the text). */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end === -1 ? text.length : end];
}

/** Scrolls a soft-wrapping textarea so the text at `offset` sits a third of the way down (a mirror measures it). */
function scrollToOffset(area: HTMLTextAreaElement, offset: number): void {
  const style = window.getComputedStyle(area);
  const mirror = document.createElement('div');
  for (const prop of ['fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'tabSize', 'paddingTop', 'paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth', 'boxSizing'] as const) {
    mirror.style[prop] = style[prop];
  }
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', width: `${String(area.clientWidth)}px`, paddingBottom: '0', height: 'auto' });
  mirror.textContent = area.value.slice(0, offset) + '\u200b';
  document.body.append(mirror);
  const top = mirror.scrollHeight;
  mirror.remove();
  area.scrollTop = Math.max(0, top - area.clientHeight / 3);
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * The Markdown editor: a monospace textarea with the caret's line and column, Save (POST for a new document, PUT for
 * an existing one), every problem the server lists beside it with a button to the line, and a warning before leaving
 * with unsaved changes.
 */
function Editor({ spec, saved }: { spec: KindSpec; saved: SavedDocument | null }) {
  const initial = saved?.markdown ?? spec.template;
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<DocumentProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [position, setPosition] = useState({ line: 1, column: 1 });
  const area = useRef<HTMLTextAreaElement>(null);
  const problemsHeading = useRef<HTMLHeadingElement>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const leaving = useRef(false);
  const navigate = useNavigate();
  const ids = { area: useId(), hint: useId(), problems: useId(), error: useId(), position: useId() };
  const dirty = text !== initial;
  const title = saved ? `Edit “${saved.title}”` : `New ${spec.noun}`;
  useDocumentTitle(saved ? `Edit ${saved.title}` : `New ${spec.noun}`);

  // Leaving with unsaved changes asks first: inside the app (the router) and when closing or reloading the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(`Leave without saving? Your changes to this ${spec.noun} will be lost.`)) blocker.proceed();
    else blocker.reset();
  }, [blocker, spec.noun]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  const leave = (state: { saved: SavedNotice } | { deleted: { kind: ContentKind; title: string } }) => {
    leaving.current = true;
    void navigate(contentListPath(spec.kind), { state });
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const doc = await spec.save(text, saved?.slug ?? null);
      setProblems(null);
      leave({ saved: { kind: spec.kind, title: doc.title, slug: doc.slug, created: saved === null } });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.details.length > 0) {
        setProblems(parseProblems(err.details, text));
        // After the list renders: its heading says how many problems there are.
        requestAnimationFrame(() => problemsHeading.current?.focus());
      } else {
        setProblems(null);
        const taken = saved === null && err instanceof ApiError && err.status === 409 && /already has/.test(err.message);
        const slug = /^slug:\s*(\S+)/m.exec(text)?.[1];
        setError(
          taken && slug
            ? `Not saved: you already have a ${spec.noun} with the slug “${slug}”. Change the slug to add a new one, or edit the one you have.`
            : `Not saved: ${messageOf(err)}`,
        );
        requestAnimationFrame(() => errorBox.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!saved || busy) return;
    if (!window.confirm(`Delete the ${spec.noun} “${saved.title}”? ${spec.deleteWarning}`)) return;
    setBusy(true);
    setError(null);
    try {
      await spec.remove(saved.slug);
      leave({ deleted: { kind: spec.kind, title: saved.title } });
    } catch (err) {
      setError(`Not deleted: ${messageOf(err)}`);
      requestAnimationFrame(() => errorBox.current?.focus());
      setBusy(false);
    }
  };

  const goToLine = (line: number) => {
    const el = area.current;
    if (!el) return;
    const [start, end] = lineRange(el.value, line);
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    scrollToOffset(el, start);
    el.scrollIntoView({ block: 'nearest' });
    setPosition(positionOf(el.value, start));
  };

  const track = () => {
    const el = area.current;
    if (el) setPosition(positionOf(el.value, el.selectionStart));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void save();
  };

  const lines = text.split('\n').length;
  const describedBy = [ids.hint, problems ? ids.problems : '', error ? ids.error : '', ids.position].filter(Boolean).join(' ');
  return (
    <div className="content-editor">
      <header className="page-header">
        <Breadcrumb trail={[{ to: CONTENT_PATH, label: 'Your content' }, { to: contentListPath(spec.kind), label: spec.kind === 'question' ? 'Questions' : 'Role guides' }]} current={saved ? saved.title : `New ${spec.noun}`} />
        <h1>{title}</h1>
        {saved ? (
          <p className="lede">
            Change the {spec.noun} and save. Its id, <code>{saved.id}</code>, stays the same{spec.kind === 'question' ? ': answers already given to it keep pointing at it' : ': your questions refer to it'}. Last saved{' '}
            <time dateTime={saved.updatedAt}>{formatDateTime(saved.updatedAt)}</time>.
          </p>
        ) : (
          <p className="lede">
            Written in Markdown with YAML front matter, the way Loopcoach’s own {spec.noun}s are. The example below is complete and valid: change it
            into your {spec.noun} and save. The notes starting with # explain each field.
          </p>
        )}
        {saved && (
          <p className="content-editor__links">
            <Link to={spec.viewPath(saved.slug)}>
              View the {spec.noun}
              <span className="sr-only">: {saved.title}</span>
            </Link>
          </p>
        )}
      </header>

      <div className="content-editor__layout">
        <form className="content-editor__form" noValidate aria-busy={busy} onSubmit={submit}>
          <div className="field">
            <label htmlFor={ids.area}>{spec.Noun} in Markdown</label>
            <p id={ids.hint} className="field__hint">
              Front matter between the two <code>---</code> lines, then the {spec.kind === 'question' ? 'model answer' : 'overview'}. Ctrl+S or ⌘S
              saves.
            </p>
            <textarea
              id={ids.area}
              ref={area}
              className="input content-editor__text"
              value={text}
              rows={30}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              autoComplete="off"
              aria-invalid={problems !== null && problems.length > 0 ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => {
                setText(e.target.value);
                track();
              }}
              onSelect={track}
              onKeyDown={onKeyDown}
            />
            <p id={ids.position} className="content-editor__position">
              Line {position.line}, column {position.column}
              <span aria-hidden="true"> · </span>
              <span className="sr-only">, </span>
              {lines} lines{dirty ? ' · unsaved changes' : ''}
            </p>
          </div>

          <div role="alert" className="form-card__alert">
            {error && (
              <div className="status status--error form-card__error" ref={errorBox} tabIndex={-1}>
                <p className="status__message" id={ids.error}>
                  {error}
                </p>
              </div>
            )}
          </div>

          <div className="content-editor__actions">
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              {busy && <span className="spinner spinner--light" aria-hidden="true" />}
              {busy ? 'Saving…' : saved ? 'Save changes' : `Save ${spec.noun}`}
            </button>
            <Link className="button button--quiet" to={contentListPath(spec.kind)}>
              Cancel
            </Link>
            {saved && (
              <button type="button" className="button button--danger content-editor__delete" aria-disabled={busy || undefined} onClick={() => void remove()}>
                Delete {spec.noun}
              </button>
            )}
          </div>
        </form>

        <aside className="content-editor__aside" aria-label="Problems and help">
          {problems !== null && problems.length > 0 && (
            <Problems problems={problems} id={ids.problems} heading={problemsHeading} noun={spec.noun} onGoTo={goToLine} />
          )}
          <FormatHelp kind={spec.kind} />
          <GuidesReference kind={spec.kind} />
        </aside>
      </div>
    </div>
  );
}

function Problems({ problems, id, heading, noun, onGoTo }: {
  problems: readonly DocumentProblem[];
  id: string;
  heading: RefObject<HTMLHeadingElement | null>;
  noun: string;
  onGoTo: (line: number) => void;
}) {
  const n = problems.length;
  return (
    <section className="editor-problems" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="editor-problems__title">
        Not saved: {n === 1 ? '1 problem' : `${String(n)} problems`} to fix
      </h2>
      <p id={id} className="editor-problems__intro">
        The {noun} was not saved. Fix {n === 1 ? 'this' : 'these'} and save again; a line number takes you to the line.
      </p>
      <ol className="editor-problems__list" aria-label={`Problems in the ${noun}`}>
        {problems.map((p, i) => (
          <li key={`${String(i)}-${p.field}`} className="editor-problem">
            {p.line !== null ? (
              <button
                type="button"
                className="editor-problem__line"
                title={p.lineFound ? 'The line of this field' : undefined}
                onClick={() => {
                  onGoTo(p.line ?? 1);
                }}
              >
                <span className="sr-only">Go to </span>Line {p.line}
              </button>
            ) : (
              <span className="editor-problem__line editor-problem__line--none">Whole document</span>
            )}
            <span className="editor-problem__text">
              {p.field && <code className="editor-problem__field">{p.field}</code>} {p.message}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function FormatHelp({ kind }: { kind: ContentKind }) {
  return (
    <details className="editor-help" open>
      <summary>How the format works</summary>
      {kind === 'question' ? (
        <ul>
          <li>
            <code>slug</code>: the question’s address, <code>org/&lt;slug&gt;</code>. It cannot change after the first save.
          </li>
          <li>
            <code>roles</code> and <code>stage</code>: the guides it belongs to (the first is its home) and the stage of their loop where it is
            asked. At least one of its <code>levels</code> must get that stage.
          </li>
          <li>
            <code>rubric</code>: what a strong answer shows, with <code>signals</code>, the phrases feedback listens for. Write them the way a
            candidate would say them.
          </li>
          <li>
            <code>mistakes</code>, <code>followUps</code>, <code>hints</code>: what goes wrong, what the interviewer asks next, nudges for practice.
          </li>
          <li>After the second <code>---</code>: the model answer, at least 400 characters of Markdown.</li>
        </ul>
      ) : (
        <ul>
          <li>
            <code>slug</code>: the guide’s id is <code>org-&lt;slug&gt;</code>; your questions list it in their <code>roles</code>. It cannot
            change after the first save.
          </li>
          <li>
            <code>stages</code>: your loop in order, each with an <code>id</code> your questions use as their <code>stage</code>, and the{' '}
            <code>levels</code> that get it.
          </li>
          <li>
            <code>levelDifferences</code>, <code>tips</code> (3 or more), <code>faq</code> (3 or more) and <code>relatedRoles</code> (ids of other
            guides).
          </li>
          <li>After the second <code>---</code>: an overview of the role, at least 200 characters of Markdown.</li>
        </ul>
      )}
    </details>
  );
}

/** The guides the workspace sees, with their stage ids: what `roles`, `stage` and `relatedRoles` may name. */
function GuidesReference({ kind }: { kind: ContentKind }) {
  const [open, setOpen] = useState(false);
  const guides = useApi(open ? 'guides:reference' : null, async (signal) => {
    const list = await api.listRoles(signal);
    return Promise.all(list.map((r) => api.getRole(r.id, signal)));
  });
  return (
    <details
      className="editor-help"
      onToggle={(e) => {
        setOpen(e.currentTarget.open);
      }}
    >
      <summary>{kind === 'question' ? 'Role guides and their stages' : 'Role guides you can relate to'}</summary>
      {guides.status === 'error' && <ErrorMessage error={guides.error} title="Could not load the role guides" onRetry={guides.reload} />}
      {guides.status === 'loading' && <Loading>Loading the role guides…</Loading>}
      {guides.status === 'success' && (
        <ul className="editor-guides">
          {guides.data.map((g) => (
            <li key={g.id}>
              <p className="editor-guides__title">
                {g.title} <code>{g.id}</code>
              </p>
              {kind === 'question' && (
                <ul className="editor-guides__stages">
                  {g.stages.map((s) => (
                    <li key={s.id}>
                      <code>{s.id}</code> <span className="muted">{s.name}, for {s.levels.map(levelText).join(', ')}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
