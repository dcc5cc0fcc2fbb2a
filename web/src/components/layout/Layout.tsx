import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SavedProvider, useSaved } from '../../lib/saved.js';

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

/** aria-current: "page" on the section's own page, "true" on pages inside it (a guide, a question). */
function NavItem({ to, section, children }: { to: string; section?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  const current = pathname === to ? 'page' : section && pathname.startsWith(section) ? 'true' : undefined;
  return (
    <li>
      <Link to={to} aria-current={current}>
        {children}
      </Link>
    </li>
  );
}

function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M9 16a7 7 0 1 1 7 7" />
          </svg>
          Loopcoach
        </Link>
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
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>Loopcoach: interview preparation for software engineers. Runs on your machine; your saved questions stay with you.</p>
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

export function Layout() {
  const main = useRef<HTMLElement>(null);
  useFocusMainOnNavigate(main);
  return (
    <SavedProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" ref={main} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </SavedProvider>
  );
}
