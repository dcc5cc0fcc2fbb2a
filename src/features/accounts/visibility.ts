/**
 * Who a request acts as, and whose rows inside its tenant it may reach.
 *
 * The database keeps tenants apart (row-level security on tenant_id, ADR 0002). Inside a tenant, rows belong to the
 * user who wrote them (`user_id`, migrations/0007), and these rules decide whose rows a statement names:
 *
 * - Writes (create, answer, finish, save, delete) reach only the actor's own rows, and record the actor's user id.
 * - Reads reach the actor's own rows; owners and coaches may also read a member's (role `member`) plans, attempts,
 *   sessions, reviews and progress by naming them (`?userId=`). Anyone else named — another coach or owner, a user
 *   from another organization, a user who does not exist, anyone at all when the actor is a member — is the same
 *   404, so a response never tells who exists.
 * - Local mode has no users: the actor's user id is null, and null names the rows of no user, which in the local
 *   tenant is every row.
 *
 * Repositories take a `ReadScope` or `WriteScope`, which only the functions below make: the type checker keeps a
 * request value, or a coach's read scope, from reaching a statement that writes.
 */
import { AppError } from '../../shared/errors.js';
import type { OrganizationRole } from './roles.js';

export type ActorRole = OrganizationRole | 'local';

/** The tenant a request acts for (an organization's id), the user acting (null in local mode) and their role in it. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string | null;
  readonly role: ActorRole;
}

/** Local mode's actor: the local tenant, no user. */
export const localActor = (tenantId: string): Actor => ({ tenantId, userId: null, role: 'local' });

declare const readable: unique symbol;
declare const writable: unique symbol;

/** The user whose rows a statement may read, inside the transaction's tenant (null: rows that belong to no user). */
export type ReadScope = { readonly userId: string | null; readonly [readable]: true };
/** The user whose rows a statement may write: always the actor. A write scope is also a read scope. */
export type WriteScope = ReadScope & { readonly [writable]: true };

/** What the rules need from the account directory. */
export interface MemberDirectory {
  /** The user's role in the organization, or null when they are not in it (or do not exist). */
  roleOf(organizationId: string, userId: string): Promise<OrganizationRole | null>;
  /** The organization's members (role `member`), by name. */
  members(organizationId: string): Promise<{ userId: string; name: string; email: string }[]>;
}

/** Roles that may read their members' data. */
export const READS_MEMBERS: ReadonlySet<ActorRole> = new Set<ActorRole>(['owner', 'coach']);

/** The actor's own rows: what every write reaches, and what a read reaches when it names nobody. */
export const ownRows = (actor: Actor): WriteScope => ({ userId: actor.userId }) as WriteScope;

/**
 * The rows a read reaches: the actor's own when `userId` is absent or names the actor; a member's when an owner or
 * coach names one of the organization's members; otherwise NOT_FOUND, worded like a missing user.
 */
export async function readableRows(actor: Actor, userId: string | undefined, directory: MemberDirectory): Promise<ReadScope> {
  if (userId === undefined) return ownRows(actor);
  const wanted = userId.toLowerCase();
  if (actor.userId !== null && wanted === actor.userId.toLowerCase()) return ownRows(actor);
  if (READS_MEMBERS.has(actor.role) && (await directory.roleOf(actor.tenantId, wanted)) === 'member') {
    return { userId: wanted } as ReadScope;
  }
  throw userNotFound(userId);
}

export const userNotFound = (userId: string): AppError => new AppError('NOT_FOUND', `user "${userId.slice(0, 64)}" not found`);

/**
 * The organization's members with a read scope on each, for an owner's or coach's overview. Anyone else (a member,
 * local mode) is refused: the overview is about other people's data, which they may not read.
 */
export async function membersReadableBy(actor: Actor, directory: MemberDirectory): Promise<{ userId: string; name: string; email: string; scope: ReadScope }[]> {
  if (!READS_MEMBERS.has(actor.role)) {
    throw new AppError('FORBIDDEN', actor.role === 'local' ? 'local mode has no members: the members overview is for organizations in server mode' : 'only owners and coaches see the members overview');
  }
  const members = await directory.members(actor.tenantId);
  return members.map((m) => ({ ...m, scope: { userId: m.userId } as ReadScope }));
}
