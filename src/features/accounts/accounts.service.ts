/**
 * Accounts: which tenant a request acts for, who is asking (GET /api/me), and the organization rules better-auth's
 * hooks enforce. better-auth itself (sessions, passwords, invitations) is wired in src/infra/auth/better-auth.ts;
 * this service sees it only as a `SessionReader`.
 *
 * Server mode, for each request that touches tenant data:
 *   session (cookie, or Authorization: Bearer) ─ none, expired, revoked or forged → 401
 *   → organization: x-organization-id if given, else the session's active organization, else the personal one
 *   → membership of the user in it ─ malformed, unknown or not a member → 404, the same answer for all three, so
 *     no response tells whether another organization exists
 *   → the actor: tenant id (an organization's id is its tenant's id), the user, and their role in it.
 * Local mode: one user, no login, the local tenant; no user id, role `local`.
 * Whose rows the actor then reaches inside the tenant is decided by ./visibility.ts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Database } from '../../infra/db/database.js';
import type { Me } from '../../shared/contracts/accounts.js';
import { AppError } from '../../shared/errors.js';
import {
  ensurePersonalOrganization,
  findMembership,
  findPersonalOrganization,
  insertOrganizationTenant,
  listMembers,
  listMemberships,
  organizationKind,
  type MembershipRow,
} from './accounts.repository.js';
import { isRole, type OrganizationRole } from './roles.js';
import { localActor, type Actor, type MemberDirectory } from './visibility.js';

/** What a tenant resolver reads from a request (a FastifyRequest is one). */
export interface RequestLike {
  method: string;
  headers: IncomingHttpHeaders;
}

/**
 * Who a request acts as: the tenant, the user (null in local mode) and their role there. Rejects with 401 (no valid
 * session), 403 (refused) or 404 (no such organization).
 */
export type TenantResolver = (request: RequestLike) => Promise<Actor>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** A valid session, from whatever reads them (better-auth in server mode). Null: none, expired, revoked or forged. */
export type SessionReader = (headers: Headers) => Promise<{ user: SessionUser; activeOrganizationId: string | null } | null>;

export interface AccountsService {
  actorOf: TenantResolver;
  /**
   * Who asks for content that is public (questions, role guides, scoring): the actor when the request carries a
   * session, null when it carries none (a signed-out visitor: shipped content only). A cookie that is no longer a
   * session counts as none, as does an Authorization header of another scheme; a bearer token that is not valid is
   * still a 401.
   */
  viewerOf: (request: RequestLike) => Promise<Actor | null>;
  me(request: RequestLike): Promise<Me>;
}

export const ORGANIZATION_HEADER = 'x-organization-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Local mode: every request acts for the one personal tenant, without login. */
export function createLocalAccounts(localTenantId: string): AccountsService {
  const actor = localActor(localTenantId);
  return {
    actorOf: () => Promise.resolve(actor),
    viewerOf: () => Promise.resolve(actor),
    me: () =>
      Promise.resolve({
        mode: 'local',
        user: null,
        organizations: [{ id: localTenantId, name: 'Local workspace', kind: 'personal', role: 'owner' }],
        activeOrganizationId: localTenantId,
      }),
  };
}

export function createServerAccounts(deps: { db: Database; sessions: SessionReader; trustedOrigins: readonly string[] }): AccountsService {
  const { db, sessions } = deps;
  const trusted = new Set(deps.trustedOrigins);

  async function authenticate(request: RequestLike): Promise<{ user: SessionUser; activeOrganizationId: string | null }> {
    const headers = new Headers();
    const { cookie, authorization } = request.headers;
    if (typeof cookie === 'string') headers.set('cookie', cookie);
    if (typeof authorization === 'string') headers.set('authorization', authorization);
    const session = cookie || authorization ? await sessions(headers) : null;
    if (!session) throw new AppError('UNAUTHORIZED', 'sign in first: this request has no valid session or API token (it may have expired or been revoked)');
    // Cookies ride along on cross-site requests; bearer tokens do not. A write carried by a cookie from another site's
    // page is refused (JSON-only bodies and SameSite=Lax cookies already stop most; this names the rule).
    const bearer = typeof authorization === 'string' && /^bearer\s/i.test(authorization);
    const origin = request.headers.origin;
    if (!bearer && !SAFE_METHODS.has(request.method.toUpperCase()) && typeof origin === 'string' && !trusted.has(origin)) {
      throw new AppError('FORBIDDEN', `cross-site request refused: origin ${origin.slice(0, 100)} is not trusted`);
    }
    return session;
  }

  async function organizationFor(request: RequestLike, session: { user: SessionUser; activeOrganizationId: string | null }): Promise<MembershipRow> {
    const raw = request.headers[ORGANIZATION_HEADER];
    if (raw !== undefined) {
      const requested = Array.isArray(raw) ? raw.join(',') : raw;
      const membership = UUID.test(requested) ? await findMembership(db, requested.toLowerCase(), session.user.id) : null;
      if (!membership) throw new AppError('NOT_FOUND', `organization "${requested.slice(0, 64)}" not found`);
      return membership;
    }
    if (session.activeOrganizationId && UUID.test(session.activeOrganizationId)) {
      // A session whose active organization the user has since left falls back to the personal one.
      const active = await findMembership(db, session.activeOrganizationId, session.user.id);
      if (active) return active;
    }
    const personalId = (await findPersonalOrganization(db, session.user.id)) ?? (await ensurePersonalOrganization(db, session.user));
    const personal = await findMembership(db, personalId, session.user.id);
    if (!personal) throw new Error(`personal organization ${personalId} has no owner membership`);
    return personal;
  }

  /** The session's user acting in the organization the request names (or their active or personal one). */
  const actorFor = async (request: RequestLike, session: { user: SessionUser; activeOrganizationId: string | null }): Promise<Actor> => {
    const membership = await organizationFor(request, session);
    return { tenantId: membership.organizationId, userId: session.user.id, role: membership.role };
  };
  const actorOf = async (request: RequestLike): Promise<Actor> => actorFor(request, await authenticate(request));

  return {
    actorOf,
    async viewerOf(request) {
      const { cookie, authorization } = request.headers;
      // A bearer token is a claim to be someone: a bad one is a 401. Any other Authorization scheme (a proxy's basic
      // auth, say) is not ours to judge and counts as no session.
      if (typeof authorization === 'string' && /^bearer\s/i.test(authorization)) return actorOf(request);
      if (typeof cookie !== 'string') return null;
      const session = await sessions(new Headers({ cookie }));
      return session ? actorFor(request, session) : null;
    },
    async me(request) {
      const session = await authenticate(request);
      const active = await organizationFor(request, session);
      const memberships = await listMemberships(db, session.user.id);
      return {
        mode: 'server',
        user: { id: session.user.id, email: session.user.email, name: session.user.name },
        organizations: memberships.map((m) => ({ id: m.organizationId, name: m.name, kind: m.kind, role: m.role })),
        activeOrganizationId: active.organizationId,
      };
    },
  };
}

/** The account directory as the visibility rules see it: a user's role in an organization (empty in local mode). */
export function createMemberDirectory(deps: { db: Database }): MemberDirectory {
  const { db } = deps;
  return {
    async roleOf(organizationId, userId): Promise<OrganizationRole | null> {
      if (!UUID.test(organizationId) || !UUID.test(userId)) return null;
      return (await findMembership(db, organizationId, userId))?.role ?? null;
    },
    members: (organizationId) => (UUID.test(organizationId) ? listMembers(db, organizationId, 'member') : Promise.resolve([])),
  };
}

/**
 * The rules better-auth's hooks call (src/infra/auth/better-auth.ts). They throw AppError; the adapter turns it into
 * the library's error response with the same status.
 */
export interface AccountHooks {
  /** After sign-up: the user's personal organization, with the user as its owner. */
  userCreated(user: { id: string; name: string }): Promise<void>;
  /** Before an organization is written: its tenant row, whose id the organization takes; the slug is that id. */
  beforeCreateOrganization(organization: { name: string }): Promise<{ id: string; slug: string }>;
  /** Slugs stay the organization's id: a slug chosen by a user would be globally unique, revealing other organizations. */
  organizationSlug(organizationId: string): string;
  /** A personal organization has one member, its owner. */
  beforeAddMember(member: { organizationId: string }): Promise<void>;
  /** No invitations into a personal organization; a coach invites members only. */
  beforeCreateInvitation(invitation: { organizationId: string; inviterId: string; role: string }): Promise<void>;
  beforeAcceptInvitation(invitation: { organizationId: string }): Promise<void>;
}

export function createAccountHooks(deps: { db: Database }): AccountHooks {
  const { db } = deps;
  const refusePersonal = async (organizationId: string): Promise<void> => {
    if ((await organizationKind(db, organizationId)) === 'personal') {
      throw new AppError('FORBIDDEN', 'a personal workspace has one member: create an organization to work with others');
    }
  };
  return {
    async userCreated(user) {
      await ensurePersonalOrganization(db, user);
    },
    async beforeCreateOrganization(organization) {
      const name = organization.name.trim();
      if (name.length < 1 || name.length > 200) throw new AppError('BAD_REQUEST', 'name: an organization name has 1 to 200 characters');
      const id = await insertOrganizationTenant(db, organization.name);
      return { id, slug: id };
    },
    organizationSlug: (organizationId) => organizationId,
    beforeAddMember: (member) => refusePersonal(member.organizationId),
    async beforeCreateInvitation(invitation) {
      await refusePersonal(invitation.organizationId);
      if (!isRole(invitation.role)) throw new AppError('BAD_REQUEST', `role: must be one of owner, coach, member, got "${invitation.role.slice(0, 50)}"`);
      const inviter = await findMembership(db, invitation.organizationId, invitation.inviterId);
      if (inviter?.role === 'coach' && invitation.role !== 'member') {
        throw new AppError('FORBIDDEN', 'a coach can invite members only; ask an owner to invite a coach or an owner');
      }
    },
    beforeAcceptInvitation: (invitation) => refusePersonal(invitation.organizationId),
  };
}
