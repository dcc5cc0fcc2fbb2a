import { Fragment, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Link, Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import type { Me } from '../../api.js';
import { NotFoundPage } from '../../pages/NotFoundPage.js';
import { SavedProvider, useSaved } from '../../lib/saved.js';
import { AUTH_PATHS, SessionProvider, safeNext, useSession } from '../../lib/session.js';
import { ErrorMessage, Loading } from '../common/Status.js';
import { AccountMenu } from './AccountMenu.js';

function SavedCount() {
  const { status, items } = useSaved();
  if (status !== 'ready' || items.length === 0) return null;
  return (
    <span className="nav-count">
      <span className="sr-only">(</span>
      {items.length}
      <span className="sr-only"> saved)</span>
    </span>
  );
}

/**
 * aria-current: "page" on the section's own page, "true" on pages inside it (a guide, a question). `match`: the
 * page's path when `to` carries a query.
 */
function NavItem({ to, section, match = to, children }: { to: string; section?: string; match?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const current = pathname === match ? 'page' : section && pathname.startsWith(section) ? 'true' : undefined;
  return (
    <li>
      <Link to={to} aria-current={current}>
        {children}
      </Link>
    </li>
  );
}

function Brand() {
  return (
    <Link to="/" className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M9 16a7 7 0 1 1 7 7" />
      </svg>
      Loopcoach
    </Link>
  );
}

function MainNav() {
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        <NavItem to="/" section="/roles/">
          Guides
        </NavItem>
        <NavItem to="/questions" section="/questions/">
          Questions
        </NavItem>
        <NavItem to="/plans/new" section="/plans">
          Prep plan
        </NavItem>
        <NavItem to="/practice" section="/practice/">
          Practice
        </NavItem>
        <NavItem to="/progress" section="/attempts/">
          Progress
        </NavItem>
        <NavItem to="/saved">
          Saved <SavedCount />
        </NavItem>
        <NavItem to="/content" section="/content/">
          Your content
        </NavItem>
      </ul>
    </nav>
  );
}

/** Server mode, signed out: the way in. Moving between the two pages keeps where the user was going (`?next=`). */
function SignInNav() {
  const { search } = useLocation();
  return (
    <nav aria-label="Account" className="site-nav site-nav--account">
      <ul>
        <NavItem to={`/sign-in${search}`} match="/sign-in">
          Sign in
        </NavItem>
        <NavItem to={`/sign-up${search}`} match="/sign-up">
          Create account
        </NavItem>
      </ul>
    </nav>
  );
}

/** `me`: the app's header (local mode, or signed in); `signedOut`: the sign-in links; neither: the name alone (loading). */
function SiteHeader({ me, signedOut = false }: { me: Me | null; signedOut?: boolean }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Brand />
        {me && <MainNav />}
        {me?.mode === 'server' && <AccountMenu me={me} />}
        {signedOut && <SignInNav />}
      </div>
    </header>
  );
}

function SiteFooter({ server }: { server: boolean }) {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        {server ? (
          <p>Loopcoach: interview preparation for software engineers, on your team’s server. Each organization’s data is kept apart.</p>
        ) : (
          <p>Loopcoach: interview preparation for software engineers. Runs on your machine; your saved questions stay with you.</p>
        )}
        <p>
          <a href="/docs">API documentation</a>
        </p>
      </div>
    </footer>
  );
}

/** After a client-side navigation, move focus to the main region so keyboard and screen-reader users start there. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname, main]);
}

/**
 * What the main region shows for the session: the page (local mode, or signed in), or the way to sign in.
 *
 * Server mode, signed out: every page but sign-in and sign-up sends the user to sign in, remembering where they were
 * (`?next=`); once signed in they go back there. Signed in, the routed page is keyed by the active organization, so
 * switching organizations loads every page's data again (the organization page reloads its own, keeping its messages).
 * Local mode has no accounts: the sign-in pages do not exist there.
 */
function Shell({ main }: { main: RefObject<HTMLElement | null> }) {
  const { state, retry } = useSession();
  const location = useLocation();
  const authPage = AUTH_PATHS.includes(location.pathname);

  if (state.status === 'ready') {
    const { me } = state;
    const server = me.mode === 'server';
    let content: ReactNode;
    if (authPage) {
      content = server ? <Navigate to={safeNext(new URLSearchParams(location.search).get('next'))} replace /> : <NotFoundPage />;
    } else {
      content = (
        <Fragment key={location.pathname === '/organization' ? 'organization' : me.activeOrganizationId}>
          <Outlet />
        </Fragment>
      );
    }
    return (
      <SavedProvider scope={me.activeOrganizationId}>
        <SiteHeader me={me} />
        <Main main={main}>{content}</Main>
        <SiteFooter server={server} />
      </SavedProvider>
    );
  }

  let content: ReactNode;
  if (state.status === 'loading') content = <Loading>Loading Loopcoach…</Loading>;
  else if (state.status === 'error') content = <ErrorMessage error={state.error} title="Could not start Loopcoach" onRetry={retry} />;
  else if (authPage) content = <Outlet />;
  else if (state.reason === 'signed-out') content = <Navigate to="/sign-in" replace />;
  else content = <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  const signedOut = state.status === 'signed-out';
  return (
    <>
      <SiteHeader me={null} signedOut={signedOut} />
      <Main main={main}>{content}</Main>
      <SiteFooter server={signedOut} />
    </>
  );
}

function Main({ main, children }: { main: RefObject<HTMLElement | null>; children: ReactNode }) {
  return (
    <main id="main" ref={main} tabIndex={-1} className="container site-main">
      {children}
    </main>
  );
}

export function Layout() {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Shell main={main} />
      <ScrollRestoration />
    </SessionProvider>
  );
}
