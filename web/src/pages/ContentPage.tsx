import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { RoleDetail } from '../../../src/shared/contracts/roles.js';
import { ApiError, api, type Me, type OrgGuideListItem, type OrgQuestionListItem } from '../api.js';
import { messageOf } from '../components/account/FormParts.js';
import { DifficultyBadge, LevelBadges } from '../components/common/Badges.js';
import { SourceBadge } from '../components/common/SourceBadge.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { formatDate, humanize, isDifficulty, isLevel, plural } from '../lib/format.js';
import {
  KINDS,
  canEditContent,
  editContentPath,
  newContentPath,
  orgGuidePath,
  orgPractisePath,
  orgQuestionPath,
  ownerWords,
  type ContentKind,
  type ContentTab,
} from '../lib/orgContent.js';
import { activeOrganization, organizationName, useMe } from '../lib/session.js';
import { useApi, type AsyncState } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

/** What the editor reports after a save, through the navigation's state, so this page can say what happened. */
export interface SavedNotice {
  kind: ContentKind;
  title: string;
  slug: string;
  created: boolean;
}

type Notice = { type: 'saved'; saved: SavedNotice } | { type: 'deleted'; text: string };

const isKind = (v: unknown): v is ContentKind => v === 'question' || v === 'guide';

/** What the editor sent: `{ saved: SavedNotice }` after a save, `{ deleted: { kind, title } }` after a delete. */
function noticeOf(state: unknown): Notice | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  if ('saved' in state) {
    const saved = state.saved as Partial<SavedNotice> | null;
    if (!saved || typeof saved.title !== 'string' || typeof saved.slug !== 'string' || !isKind(saved.kind)) return undefined;
    return { type: 'saved', saved: { kind: saved.kind, title: saved.title, slug: saved.slug, created: saved.created === true } };
  }
  if ('deleted' in state) {
    const deleted = state.deleted as { kind?: unknown; title?: unknown } | null;
    if (!deleted || typeof deleted.title !== 'string' || !isKind(deleted.kind)) return undefined;
    return { type: 'deleted', text: deletedText(deleted.kind, deleted.title) };
  }
  return undefined;
}

const deletedText = (kind: ContentKind, title: string): string => `Deleted the ${KINDS[kind].noun} “${title}”.`;

const TABS: readonly { id: ContentTab; label: string }[] = [
  { id: 'questions', label: 'Questions' },
  { id: 'roles', label: 'Role guides' },
];

/**
 * The organization's own questions and role guides (local mode: the user's own), beside the shipped content. Owners
 * and coaches add, edit and delete them here; members see the list and open them like any other question or guide.
 */
export function ContentPage() {
  const me = useMe();
  useDocumentTitle('Your content');
  const editor = canEditContent(me);
  const [params, setParams] = useSearchParams();
  const tab: ContentTab = params.get('tab') === 'roles' ? 'roles' : 'questions';
  const questions = useApi('org:questions', (signal) => api.listOrgQuestions(signal));
  const guides = useApi('org:guides', (signal) => api.listOrgGuides(signal));
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<Notice | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const baseId = useId();

  // Said once, after the live region exists (so it is announced), then dropped from history so a reload does not
  // repeat it.
  const sent = noticeOf(location.state);
  const sentKey = sent ? JSON.stringify(sent) : null;
  useEffect(() => {
    if (sentKey === null) return;
    setNotice(JSON.parse(sentKey) as Notice);
    void navigate({ search: location.search }, { replace: true, state: null });
  }, [sentKey, navigate, location.search]);

  const select = (next: ContentTab, focus = false) => {
    setParams(next === 'questions' ? {} : { tab: next }, { replace: true });
    if (focus) document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  // Arrow keys, Home and End move between the tabs (automatic activation).
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const to =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i - 1 + TABS.length) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!to) return;
    e.preventDefault();
    select(to.id, true);
  };

  const count = (id: ContentTab): number | null => {
    const list = id === 'questions' ? questions : guides;
    return list.status === 'success' ? list.data.items.length : null;
  };

  const onDeleted = (title: string, kind: ContentKind) => {
    setNotice({ type: 'deleted', text: deletedText(kind, title) });
    panelHeading.current?.focus();
    if (kind === 'question') questions.reload();
    else guides.reload();
  };

  return (
    <div className="content-page">
      <header className="page-header">
        <h1>Your content</h1>
        <Intro me={me} editor={editor} />
      </header>

      <div role="status" className="content-page__status">
        {notice?.type === 'saved' && <SavedMessage saved={notice.saved} />}
        {notice?.type === 'deleted' && <p>{notice.text}</p>}
      </div>

      <div role="tablist" aria-label="Your content" className="tabs">
        {TABS.map((t) => {
          const selected = t.id === tab;
          const n = count(t.id);
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`${baseId}-tab-${t.id}`}
              aria-selected={selected}
              aria-controls={selected ? `${baseId}-panel-${t.id}` : undefined}
              tabIndex={selected ? 0 : -1}
              className="tabs__tab"
              onClick={() => {
                select(t.id);
              }}
              onKeyDown={onTabKey}
            >
              {t.label}
              {n !== null && <span className="tabs__count">{n}</span>}
            </button>
          );
        })}
      </div>

      <div role="tabpanel" id={`${baseId}-panel-${tab}`} aria-labelledby={`${baseId}-tab-${tab}`} className="tabs__panel">
        {tab === 'questions' ? (
          <QuestionsPanel state={questions} editor={editor} heading={panelHeading} onDeleted={onDeleted} />
        ) : (
          <GuidesPanel state={guides} editor={editor} heading={panelHeading} onDeleted={onDeleted} />
        )}
      </div>
    </div>
  );
}

function Intro({ me, editor }: { me: Me; editor: boolean }) {
  const org = activeOrganization(me);
  const shown = 'They appear beside Loopcoach’s own in the role guides, the question bank and practice';
  if (me.mode === 'local') {
    return (
      <p className="lede">
        Questions and role guides you write yourself: the questions your interviewers asked, the loop a company told you to expect. {shown},
        marked “
        {ownerWords(me).badge}”.
      </p>
    );
  }
  const name = org ? (org.kind === 'personal' ? 'your personal workspace' : organizationName(org)) : 'this organization';
  return (
    <>
      <p className="lede">
        Questions and role guides written for {name}, seen only by its members. {shown}, marked “{ownerWords(me).badge}”.
      </p>
      {!editor && (
        <p className="callout content-page__readonly">
          You can read and practise these. Only the owners and coaches of {name} add or change them.
        </p>
      )}
    </>
  );
}

function SavedMessage({ saved }: { saved: SavedNotice }) {
  const spec = KINDS[saved.kind];
  return (
    <p>
      {saved.created ? 'Added' : 'Saved'} the {spec.noun} “{saved.title}”.{' '}
      <Link to={spec.viewPath(saved.slug)}>
        Open it<span className="sr-only">: {saved.title}</span>
      </Link>
      {saved.kind === 'question' && (
        <>
          {' · '}
          <Link to={orgPractisePath(saved.slug)}>
            Practise it<span className="sr-only">: {saved.title}</span>
          </Link>
        </>
      )}
    </p>
  );
}

type ListState<T> = AsyncState<{ items: T[]; limit: number }> & { reload: () => void };

interface PanelProps<T> {
  state: ListState<T>;
  editor: boolean;
  heading: RefObject<HTMLHeadingElement | null>;
  onDeleted: (title: string, kind: ContentKind) => void;
}

/** The heading, count and "New …" button of a panel, and its states while the list loads. */
function PanelFrame<T>({ kind, state, editor, heading, empty, children }: {
  kind: ContentKind;
  state: ListState<T>;
  editor: boolean;
  heading: RefObject<HTMLHeadingElement | null>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  const spec = KINDS[kind];
  const title = kind === 'question' ? 'Your questions' : 'Your role guides';
  const data = state.data ?? state.previous;
  return (
    <section aria-labelledby={`${kind}-heading`}>
      <div className="content-panel__bar">
        <div>
          <h2 id={`${kind}-heading`} ref={heading} tabIndex={-1} className="content-panel__title">
            {title}
          </h2>
          {data && (
            <p className="muted content-panel__count">
              {data.items.length === 0 ? `No ${spec.noun}s yet` : plural(data.items.length, spec.noun)}
              {editor && ` · up to ${data.limit.toLocaleString()}`}
            </p>
          )}
        </div>
        {editor && (
          <Link className="button" to={newContentPath(kind)}>
            <span aria-hidden="true">+</span> New {spec.noun}
          </Link>
        )}
      </div>
      {state.status === 'error' && <ErrorMessage error={state.error} title={`Could not load your ${spec.noun}s`} onRetry={state.reload} />}
      {!data && state.status !== 'error' && <Loading>Loading your {spec.noun}s…</Loading>}
      {data &&
        (data.items.length === 0 ? (
          <div className="empty">
            <p>{editor ? empty : `There are no ${spec.noun}s of your own here yet.`}</p>
            {editor && (
              <p>
                <Link to={newContentPath(kind)}>Write the first one from an example</Link>
              </p>
            )}
          </div>
        ) : (
          children(data.items)
        ))}
    </section>
  );
}

/** Home role titles and stage names for the listed questions: one guide request per home role. */
function useGuideNames(items: readonly OrgQuestionListItem[] | undefined) {
  const homes = [...new Set((items ?? []).map((q) => q.roles[0]).filter((r): r is string => typeof r === 'string'))].sort();
  const guides = useApi(homes.length > 0 ? `guides:${homes.join(',')}` : null, async (signal) => {
    const found = await Promise.all(homes.map((r) => api.getRole(r, signal).catch((): RoleDetail | null => null)));
    return new Map(found.filter((g): g is RoleDetail => g !== null).map((g) => [g.id, g]));
  });
  const map = guides.data ?? guides.previous;
  return {
    role: (id: string): string => map?.get(id)?.title ?? humanize(id),
    stage: (role: string, stage: string): string => map?.get(role)?.stages.find((s) => s.id === stage)?.name ?? humanize(stage),
  };
}

function QuestionsPanel({ state, editor, heading, onDeleted }: PanelProps<OrgQuestionListItem>) {
  const names = useGuideNames(state.data?.items ?? state.previous?.items);
  return (
    <PanelFrame
      kind="question"
      state={state}
      editor={editor}
      heading={heading}
      empty="No questions of your own yet. Add the questions your interviewers really ask, with what a strong answer shows, and everyone can practise them with feedback."
    >
      {(items) => (
        <ul className="content-list" aria-label="Your questions">
          {items.map((q) => {
            const home = q.roles[0] ?? '';
            return (
              <ContentItem
                key={q.id}
                kind="question"
                slug={q.slug}
                title={q.title}
                to={orgQuestionPath(q.slug)}
                updatedAt={q.updatedAt}
                editor={editor}
                onDeleted={onDeleted}
                meta={
                  <>
                    <SourceBadge source="organization" />
                    {isDifficulty(q.difficulty) && <DifficultyBadge difficulty={q.difficulty} />}
                    <span className="meta-text">
                      {names.role(home)} · {names.stage(home, q.stage)}
                    </span>
                    <LevelBadges levels={q.levels.filter(isLevel)} />
                  </>
                }
                extra={
                  <Link className="button button--quiet button--small" to={orgPractisePath(q.slug)}>
                    Practise<span className="sr-only">: {q.title}</span>
                  </Link>
                }
              />
            );
          })}
        </ul>
      )}
    </PanelFrame>
  );
}

function GuidesPanel({ state, editor, heading, onDeleted }: PanelProps<OrgGuideListItem>) {
  return (
    <PanelFrame
      kind="guide"
      state={state}
      editor={editor}
      heading={heading}
      empty="No role guides of your own yet. Describe your own interview loop, stage by stage, and your questions can be asked in it."
    >
      {(items) => (
        <ul className="content-list" aria-label="Your role guides">
          {items.map((g) => (
            <ContentItem
              key={g.id}
              kind="guide"
              slug={g.slug}
              title={g.title}
              to={orgGuidePath(g.slug)}
              updatedAt={g.updatedAt}
              editor={editor}
              onDeleted={onDeleted}
              meta={
                <>
                  <SourceBadge source="organization" />
                  <span className="meta-text">{plural(g.stageCount, 'stage')} in the loop</span>
                </>
              }
              summary={g.summary}
            />
          ))}
        </ul>
      )}
    </PanelFrame>
  );
}

function ContentItem({ kind, slug, title, to, updatedAt, editor, meta, summary, extra, onDeleted }: {
  kind: ContentKind;
  slug: string;
  title: string;
  to: string;
  updatedAt: string;
  editor: boolean;
  meta: ReactNode;
  summary?: string;
  extra?: ReactNode;
  onDeleted: (title: string, kind: ContentKind) => void;
}) {
  const spec = KINDS[kind];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = kind === 'question' ? `org/${slug}` : `org-${slug}`;

  const remove = async () => {
    if (busy) return;
    if (!window.confirm(`Delete the ${spec.noun} “${title}”? ${spec.deleteWarning}`)) return;
    setBusy(true);
    setError(null);
    try {
      await spec.remove(slug);
      onDeleted(title, kind);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? `Not deleted: ${messageOf(err)}` : `Could not delete it: ${messageOf(err)}`);
      setBusy(false);
    }
  };

  return (
    <li className="content-item" data-content-id={id}>
      <div className="content-item__main">
        <h3 className="content-item__title">
          <Link to={to}>{title}</Link>
        </h3>
        <div className="q-item__meta content-item__meta">{meta}</div>
        {summary && <p className="content-item__summary">{summary}</p>}
        <p className="content-item__dates">
          Updated <time dateTime={updatedAt}>{formatDate(updatedAt)}</time> · <code>{id}</code>
        </p>
      </div>
      <div className="content-item__actions">
        {extra}
        {editor && (
          <>
            <Link className="button button--quiet button--small" to={editContentPath(kind, slug)}>
              Edit<span className="sr-only">: {title}</span>
            </Link>
            <button type="button" className="button button--danger button--small" aria-disabled={busy || undefined} onClick={() => void remove()}>
              {busy && <span className="spinner" aria-hidden="true" />}
              Delete<span className="sr-only">: {title}</span>
            </button>
          </>
        )}
      </div>
      <div role="alert" className="content-item__alert">
        {error && <p className="inline-error">{error}</p>}
      </div>
    </li>
  );
}
