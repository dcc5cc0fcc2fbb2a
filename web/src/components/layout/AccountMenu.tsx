import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me, Organization } from '../../api.js';
import { activeOrganization, organizationName, roleLabelOf, useSession } from '../../lib/session.js';
import { messageOf } from '../account/FormParts.js';

/**
 * A page about one record of the organization left behind: after switching, its list page (the record is not in
 * the new organization). Pages about shipped content (guides, questions) stay where they are; the organization's own
 * questions and guides (org/…, org-…) are not in the new one.
 */
export function sectionAfterSwitch(pathname: string): string | null {
  if (/^\/plans\/(?!new$)[^/]+/.test(pathname)) return '/plans';
  if (/^\/content\/(?:questions|roles)\/[^/]+\/edit$/.test(pathname)) return '/content';
  if (pathname.startsWith('/questions/org/')) return '/questions';
  if (pathname.startsWith('/practice/question/org/')) return '/practice';
  if (pathname.startsWith('/roles/org-')) return '/';
  if (pathname.startsWith('/attempts/')) return '/progress';
  if (pathname.startsWith('/practice/sessions/')) return '/practice';
  return null;
}

/**
 * Server mode's account menu in the header: who is signed in, the organization switcher (every organization with
 * the user's role in it), a link to manage organizations, and sign out. A disclosure: Escape or a click elsewhere
 * closes it, and focus returns to its button.
 */
export function AccountMenu({ me }: { me: Me }) {
  const { switchOrganization, signOut } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const listLabelId = useId();
  const active = activeOrganization(me);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    setError(null);
    if (returnFocus) toggle.current?.focus();
  };

  // A click or tap anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      close(true);
    }
  };

  /** Tabbing out of the menu closes it. (A click elsewhere is the pointerdown listener's: some browsers do not focus buttons on click.) */
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
  };

  const choose = async (org: Organization) => {
    if (busy) return;
    if (org.id === me.activeOrganizationId) {
      close(true);
      return;
    }
    setBusy(org.id);
    setError(null);
    try {
      await switchOrganization(org.id);
      setAnnouncement(`Now working in ${organizationName(org)}.`);
      close(true);
      const section = sectionAfterSwitch(pathname);
      if (section) void navigate(section);
    } catch (err) {
      setError(`Could not switch to ${organizationName(org)}: ${messageOf(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const leave = async () => {
    if (busy) return;
    setBusy('sign-out');
    setError(null);
    try {
      await signOut();
    } catch (err) {
      setError(`Could not sign out: ${messageOf(err)}`);
      setBusy(null);
    }
  };

  const activeName = active ? organizationName(active) : 'No organization';
  return (
    <div className="account-menu" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggle}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (open) close(false);
          else setOpen(true);
        }}
      >
        <span className="account-menu__text">
          <span className="sr-only">Working in </span>
          <span className="account-menu__current">
            {activeName}
            {active && <span className="sr-only"> as</span>}
          </span>
          {active && <span className="account-menu__current-role">{roleLabelOf(active.role)}</span>}
        </span>
        <span className="chevron" aria-hidden="true" />
      </button>

      <div id={panelId} hidden={!open} className="account-menu__panel">
        {me.user && (
          <p className="account-menu__who">
            <span className="sr-only">Signed in as </span>
            <span className="account-menu__name">{me.user.name}</span>
            <span className="account-menu__email">{me.user.email}</span>
          </p>
        )}
        <p id={listLabelId} className="account-menu__heading">
          Switch organization
        </p>
        <ul className="account-menu__orgs" aria-labelledby={listLabelId}>
          {me.organizations.map((org) => {
            const current = org.id === me.activeOrganizationId;
            return (
              <li key={org.id}>
                <button
                  type="button"
                  className="account-menu__org"
                  aria-current={current ? 'true' : undefined}
                  aria-disabled={busy !== null || undefined}
                  onClick={() => void choose(org)}
                >
                  <span className="account-menu__check" aria-hidden="true" />
                  <span className="account-menu__org-name">{organizationName(org)}</span>
                  <span className="account-menu__org-role">{roleLabelOf(org.role)}</span>
                  {busy === org.id && <span className="spinner" aria-hidden="true" />}
                </button>
              </li>
            );
          })}
        </ul>
        <div role="alert" className="account-menu__alert">
          {error && <p className="inline-error">{error}</p>}
        </div>
        <ul className="account-menu__actions">
          <li>
            <Link
              to="/organization"
              className="account-menu__link"
              onClick={() => {
                close(false);
              }}
            >
              Manage organizations
            </Link>
          </li>
          <li>
            <button type="button" className="account-menu__link" aria-disabled={busy !== null || undefined} onClick={() => void leave()}>
              {busy === 'sign-out' ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
