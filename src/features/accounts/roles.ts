/**
 * Organization roles, as better-auth access-control statements. The organization plugin checks them on its own
 * endpoints (invite, cancel an invitation, remove a member, change a role, update the organization); the
 * organization hooks (accounts.service.ts) add what statements cannot say, such as "a coach invites members only".
 *
 * - owner: manages the organization, its members and its invitations.
 * - coach: invites members (and nothing else), e.g. a bootcamp coach bringing in candidates.
 * - member: uses the organization's workspace; manages nobody.
 *
 * Inside the organization's tenant each user's plans, practice and saved questions are their own; owners and coaches
 * also read their members' plans, attempts, sessions and progress, never write them (./visibility.ts).
 */
import { createAccessControl } from 'better-auth/plugins/access';
import { organizationRoleSchema } from '../../shared/contracts/accounts.js';

export const ROLES = organizationRoleSchema.options;
export type OrganizationRole = (typeof ROLES)[number];

const statements = {
  organization: ['update'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
} as const;

export const accessControl = createAccessControl(statements);

export const organizationRoles = {
  owner: accessControl.newRole({ organization: ['update'], member: ['create', 'update', 'delete'], invitation: ['create', 'cancel'] }),
  coach: accessControl.newRole({ invitation: ['create'] }),
  member: accessControl.newRole({}),
};

export const isRole = (value: string): value is OrganizationRole => (ROLES as readonly string[]).includes(value);
