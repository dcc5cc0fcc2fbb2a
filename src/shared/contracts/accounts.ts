import { z } from 'zod';

export const organizationRoleSchema = z.enum(['owner', 'coach', 'member']).describe('owner: manages members and invitations; coach: invites members; member: uses the workspace');

export const meSchema = z.object({
  mode: z.enum(['local', 'server']).describe('local: one user, no login; server: accounts and organizations'),
  user: z
    .object({ id: z.string(), email: z.string(), name: z.string() })
    .nullable()
    .describe('The signed-in user; null in local mode'),
  organizations: z
    .array(
      z.object({
        id: z.string().describe('The organization id, which is also its tenant id'),
        name: z.string(),
        kind: z.enum(['personal', 'organization']),
        role: organizationRoleSchema,
      }),
    )
    .describe('Every organization the user belongs to, personal first'),
  activeOrganizationId: z
    .string()
    .describe('The organization this request acts for: x-organization-id if given, else the session’s active organization, else the personal one'),
});
export type Me = z.infer<typeof meSchema>;
