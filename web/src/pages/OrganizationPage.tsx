import { useEffect, useId, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { api, type Invitation, type Me, type Organization, type OrganizationRole } from '../api.js';
import { FormAlert, SubmitButton, TextField, fieldOfError, messageOf, useAccountForm } from '../components/account/FormParts.js';
import { ErrorMessage, Loading } from '../components/common/Status.js';
import { formatDateTime, plural } from '../lib/format.js';
import { activeOrganization, organizationName, roleLabelOf, useSession } from '../lib/session.js';
import { useApi } from '../lib/useApi.js';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { NotFoundPage } from './NotFoundPage.js';

/** Who each role may invite (the server enforces the same): an owner anyone, a coach members only. */
const INVITABLE: Record<OrganizationRole, readonly OrganizationRole[]> = {
  owner: ['member', 'coach', 'owner'],
  coach: ['member'],
  member: [],
};

const ROLE_DUTIES: Record<OrganizationRole, string> = {
  owner: 'You manage its members and invitations.',
  coach: 'You can invite members.',
  member: 'Its owners and coaches manage who is in it.',
};

const article = (role: string): string => (/^[aeiou]/i.test(role) ? 'an' : 'a');

/**
 * better-auth asks for a slug; the server stores the organization's id in its place (a chosen slug would be globally
 * unique and reveal other organizations' names). This one is only a well-formed placeholder.
 */
export function slugFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'organization';
}

/**
 * Switching, creating or joining an organization makes it the active one: `start` before the request (focus then
 * moves to the active organization's section when it changes), `done` after it with what to announce ('' if it failed).
 */
interface ActiveChange {
  start: () => void;
  done: (message: string) => void;
}

/** Server mode: the user's organizations, the active one's members and invitations, and creating or joining one. */
export function OrganizationPage() {
  const { state } = useSession();
  // Local mode is one person with no accounts: there are no organizations to manage.
  if (state.status !== 'ready' || state.me.mode !== 'server') return <NotFoundPage />;
  return <Organizations me={state.me} />;
}

function Organizations({ me }: { me: Me }) {
  useDocumentTitle('Organizations');
  const active = activeOrganization(me);
  const [announcement, setAnnouncement] = useState('');
  const activeHeading = useRef<HTMLHeadingElement>(null);
  // After switching, creating or joining, focus moves to the organization now active (its section replaces the old).
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    activeHeading.current?.focus();
  }, [me.activeOrganizationId]);
  const change: ActiveChange = {
    start: () => {
      focusPending.current = true;
      setAnnouncement('');
    },
    done: (message) => {
      if (!message) focusPending.current = false;
      setAnnouncement(message);
    },
  };

  return (
    <div className="org-page">
      <header className="page-header">
        <h1>Organizations</h1>
        <p className="lede">
          An organization is a shared workspace for a coach, a bootcamp or a hiring team; your personal workspace is yours alone. Each
          workspace’s plans, practice and saved questions are kept apart from every other’s.
        </p>
      </header>
      <p role="status" className="org-page__status">
        {announcement}
      </p>

      <YourOrganizations me={me} change={change} />

      {active?.kind === 'organization' ? (
        <ActiveOrganization key={active.id} me={me} org={active} heading={activeHeading} />
      ) : (
        <section className="org-section" aria-labelledby="org-personal">
          <h2 id="org-personal" ref={activeHeading} tabIndex={-1}>
            Personal workspace
          </h2>
          <p className="section-intro">
            You are working in your personal workspace: it has one member, you. To work with others, create an organization and invite
            them, or switch to an organization you belong to.
          </p>
        </section>
      )}

      <div className="org-page__forms">
        <CreateOrganization change={change} />
        <AcceptInvitation change={change} />
      </div>
    </div>
  );
}

function YourOrganizations({ me, change }: { me: Me; change: ActiveChange }) {
  const { switchOrganization } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const switchTo = async (org: Organization) => {
    if (busy) return;
    setBusy(org.id);
    setError(null);
    change.start();
    try {
      await switchOrganization(org.id);
      change.done(`Now working in ${organizationName(org)}.`);
    } catch (err) {
      change.done('');
      setError(`Could not switch to ${organizationName(org)}: ${messageOf(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="org-section" aria-labelledby="org-yours">
      <h2 id="org-yours">Your organizations</h2>
      <ul className="org-list">
        {me.organizations.map((org) => {
          const current = org.id === me.activeOrganizationId;
          return (
            <li key={org.id} className={`org-item${current ? ' org-item--current' : ''}`}>
              <div className="org-item__main">
                <p className="org-item__name">{organizationName(org)}</p>
                <p className="org-item__meta">
                  {org.kind === 'personal' ? 'Just you' : 'Organization'} · {roleLabelOf(org.role)}
                </p>
              </div>
              {current ? (
                <span className="badge badge--active">Working here</span>
              ) : (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-disabled={busy !== null || undefined}
                  onClick={() => void switchTo(org)}
                >
                  {busy === org.id && <span className="spinner" aria-hidden="true" />}
                  Switch<span className="sr-only"> to {organizationName(org)}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div role="alert">{error && <p className="inline-error">{error}</p>}</div>
    </section>
  );
}

function ActiveOrganization({ me, org, heading }: { me: Me; org: Organization; heading: RefObject<HTMLHeadingElement | null> }) {
  const headingId = useId();
  const invitable = INVITABLE[org.role];
  const members = useApi(`members:${org.id}`, (signal) => api.listMembers(org.id, signal));
  const invitations = useApi(invitable.length > 0 ? `invitations:${org.id}` : null, (signal) => api.listInvitations(org.id, signal));
  const pending = (invitations.data ?? invitations.previous ?? []).filter((i) => i.status === 'pending');

  return (
    <section className="org-section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {org.name}
      </h2>
      <p className="section-intro">
        You are working in this organization, as {article(org.role)} {org.role}. {ROLE_DUTIES[org.role]}
      </p>

      {invitable.length > 0 && <InviteForm org={org} roles={invitable} onInvited={invitations.reload} />}

      <h3>Members</h3>
      {members.status === 'error' && <ErrorMessage error={members.error} title="Could not load the members" onRetry={members.reload} />}
      {(members.status === 'loading' || members.status === 'idle') && <Loading>Loading the members…</Loading>}
      {members.status === 'success' && (
        <>
          <p className="result-count">{plural(members.data.length, 'member')}</p>
          <ul className="member-list" aria-label={`Members of ${org.name}`}>
            {members.data.map((m) => (
              <li key={m.id} className="member-item">
                <span className="member-item__name">
                  {m.user.name}
                  {m.userId === me.user?.id && <span className="muted"> (you)</span>}
                </span>
                <span className="member-item__email">{m.user.email}</span>
                <span className="badge badge--level">{roleLabelOf(m.role)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {invitable.length > 0 && (
        <>
          <h3>Pending invitations</h3>
          {invitations.status === 'error' && (
            <ErrorMessage error={invitations.error} title="Could not load the invitations" onRetry={invitations.reload} />
          )}
          {invitations.status === 'loading' && pending.length === 0 && <Loading>Loading the invitations…</Loading>}
          {invitations.status === 'success' && pending.length === 0 && <p className="muted">No invitations are waiting to be accepted.</p>}
          {pending.length > 0 && <InvitationList invitations={pending} label={`Pending invitations to ${org.name}`} />}
        </>
      )}
    </section>
  );
}

function InvitationList({ invitations, label }: { invitations: Invitation[]; label: string }) {
  return (
    <ul className="member-list" aria-label={label}>
      {invitations.map((i) => (
        <li key={i.id} className="member-item member-item--invitation">
          <span className="member-item__name">{i.email}</span>
          <span className="badge badge--level">{roleLabelOf(i.role)}</span>
          <span className="member-item__email">
            Expires <time dateTime={i.expiresAt}>{formatDateTime(i.expiresAt)}</time>
          </span>
          <span className="member-item__id">
            Invitation id <code>{i.id}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

function InviteForm({ org, roles, onInvited }: { org: Organization; roles: readonly OrganizationRole[]; onInvited: () => void }) {
  const form = useAccountForm<'email' | 'role'>('email');
  const ids = { role: useId(), roleHint: useId() };
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganizationRole>('member');
  const [result, setResult] = useState<Invitation | null>(null);

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.run(async () => {
      const address = email.trim();
      if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
        form.fail('Enter the email address of the person to invite, for example sam@example.com.', 'email');
        return;
      }
      setResult(null);
      try {
        const invitation = await api.inviteMember({ organizationId: org.id, email: address, role: roles.includes(role) ? role : 'member' });
        setResult(invitation);
        setEmail('');
        onInvited();
      } catch (err) {
        form.fail(messageOf(err, { email: 'Email', role: 'Role' }), fieldOfError(err, ['email', 'role']));
      }
    });
  };

  return (
    <div className="org-invite">
      <h3>Invite someone</h3>
      <form className="form-card" noValidate aria-busy={form.busy} onSubmit={submit}>
        <TextField
          label="Email"
          hint="They accept the invitation signed in with this address (creating an account with it first, if they have none)."
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={(v) => {
            setEmail(v);
            form.clearFor('email');
          }}
          {...form.control('email')}
        />
        {roles.length > 1 ? (
          <div className="field">
            <label htmlFor={ids.role}>Role</label>
            <p id={ids.roleHint} className="field__hint">
              A member uses the workspace; a coach also invites members; an owner manages members and invitations.
            </p>
            <select
              id={ids.role}
              ref={form.register('role')}
              className="input"
              value={role}
              aria-describedby={form.invalid('role') ? `${ids.roleHint} ${form.errorId}` : ids.roleHint}
              aria-invalid={form.invalid('role') || undefined}
              onChange={(e) => {
                setRole(e.target.value as OrganizationRole);
                form.clearFor('role');
              }}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabelOf(r)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p className="field__hint">They join as a member: coaches invite members. Ask an owner to invite a coach or an owner.</p>
        )}
        <FormAlert title="Could not create the invitation" error={form.error} errorId={form.errorId} />
        <div className="form-card__actions">
          <SubmitButton busy={form.busy} busyLabel="Inviting…">
            Create invitation
          </SubmitButton>
        </div>
      </form>
      <div role="status" className="invite-result__region">
        {result && <InvitationCreated invitation={result} />}
      </div>
    </div>
  );
}

/** Invitations are not emailed: the inviter passes the id on, and the invitee accepts it on this page. */
function InvitationCreated({ invitation }: { invitation: Invitation }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  // The clipboard API exists only in secure contexts (HTTPS, or this machine).
  const canCopy = window.isSecureContext && 'clipboard' in navigator;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.id);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="invite-result">
      <p className="invite-result__title">
        Invitation created for {invitation.email}, as {article(invitation.role)} {invitation.role}.
      </p>
      <p>
        Loopcoach does not email invitations: pass this invitation id on. They accept it on their Organizations page, signed in as{' '}
        {invitation.email}.
      </p>
      <p className="invite-result__id">
        <span className="sr-only">Invitation id: </span>
        <code>{invitation.id}</code>
        {canCopy && (
          <button type="button" className="button button--quiet button--small" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy the id'}
          </button>
        )}
      </p>
      {copied === 'failed' && <p className="inline-error">Could not copy: select the id and copy it yourself.</p>}
    </div>
  );
}

function CreateOrganization({ change }: { change: ActiveChange }) {
  const { refresh } = useSession();
  const form = useAccountForm<'name'>('name');
  const [name, setName] = useState('');

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.run(async () => {
      const chosen = name.trim();
      if (!chosen) {
        form.fail('Enter a name for the organization.', 'name');
        return;
      }
      change.start();
      try {
        await api.createOrganization({ name: chosen, slug: slugFor(chosen) });
        setName('');
        await refresh();
        change.done(`Created “${chosen}”. You are its owner, and now working in it.`);
      } catch (err) {
        change.done('');
        form.fail(messageOf(err, { name: 'Name' }), fieldOfError(err, ['name']) ?? 'name');
      }
    });
  };

  return (
    <section className="org-section" aria-labelledby="org-create">
      <h2 id="org-create">Create an organization</h2>
      <form className="form-card" noValidate aria-busy={form.busy} onSubmit={submit}>
        <TextField
          label="Organization name"
          hint="Your team, bootcamp or company, as its members will see it."
          autoComplete="organization"
          maxLength={200}
          value={name}
          onChange={(v) => {
            setName(v);
            form.clearFor('name');
          }}
          {...form.control('name')}
        />
        <FormAlert title="Could not create the organization" error={form.error} errorId={form.errorId} />
        <div className="form-card__actions">
          <SubmitButton busy={form.busy} busyLabel="Creating…">
            Create organization
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function AcceptInvitation({ change }: { change: ActiveChange }) {
  const { refresh } = useSession();
  const form = useAccountForm<'invitationId'>('invitationId');
  const [invitationId, setInvitationId] = useState('');

  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    void form.run(async () => {
      const id = invitationId.trim();
      if (!id) {
        form.fail('Enter the invitation id you were given.', 'invitationId');
        return;
      }
      change.start();
      try {
        const { invitation } = await api.acceptInvitation(id);
        setInvitationId('');
        const me = await refresh();
        const org = me?.organizations.find((o) => o.id === invitation.organizationId);
        change.done(`You joined ${org ? `“${org.name}”` : 'the organization'} as ${article(invitation.role)} ${invitation.role}, and are now working in it.`);
      } catch (err) {
        change.done('');
        form.fail(messageOf(err, { invitationId: 'Invitation id' }), 'invitationId');
      }
    });
  };

  return (
    <section className="org-section" aria-labelledby="org-accept">
      <h2 id="org-accept">Accept an invitation</h2>
      <form className="form-card" noValidate aria-busy={form.busy} onSubmit={submit}>
        <TextField
          label="Invitation id"
          hint="The id the person who invited you passed on. It works for the email address they invited, which you are signed in with."
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={invitationId}
          onChange={(v) => {
            setInvitationId(v);
            form.clearFor('invitationId');
          }}
          {...form.control('invitationId')}
        />
        <FormAlert title="Could not accept the invitation" error={form.error} errorId={form.errorId} />
        <div className="form-card__actions">
          <SubmitButton busy={form.busy} busyLabel="Accepting…">
            Accept invitation
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
