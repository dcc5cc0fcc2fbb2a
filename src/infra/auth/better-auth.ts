/**
 * Accounts through better-auth (server mode only): email and password (scrypt hashes, signed session cookies),
 * bearer tokens for the CLI and scripts, and the organization plugin with Loopcoach's roles and invitations.
 * Loopcoach hashes no password and mints no token itself.
 *
 * better-auth writes our tables (migrations/0004_accounts.sql) under our names, with database-generated UUIDs, so
 * an organization id is a tenant id. Its hooks call the account rules in features/accounts (personal organization on
 * sign-up, tenant row before an organization, who may invite whom). This module is the only one that imports
 * better-auth's server; the rest of the app sees the small `AuthGateway` it returns.
 */
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { bearer } from 'better-auth/plugins/bearer';
import { organization } from 'better-auth/plugins/organization';
import pg from 'pg';
import type { AccountHooks, SessionReader } from '../../features/accounts/accounts.service.js';
import { accessControl, organizationRoles } from '../../features/accounts/roles.js';
import { AppError, type ErrorCode } from '../../shared/errors.js';
import type { AuthConfig } from '../config.js';

export const AUTH_BASE_PATH = '/api/auth';
/** Set by the HTTP shell from the connection's address (never taken from the client): better-auth's rate-limit key. */
export const CLIENT_IP_HEADER = 'x-loopcoach-client-ip';

export interface AuthGateway {
  /** better-auth's Fetch handler for everything under /api/auth. */
  handler(request: Request): Promise<Response>;
  sessions: SessionReader;
  /** Rejects when the tables do not hold what better-auth writes (run at start-up). */
  checkSchema(): Promise<void>;
  close(): Promise<void>;
}

const API_STATUS = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
} as const satisfies Partial<Record<ErrorCode, string>>;

/** Our rules throw AppError; better-auth answers its own APIError with that status. */
async function asApiError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError && err.code in API_STATUS) {
      throw new APIError(API_STATUS[err.code as keyof typeof API_STATUS], { message: err.message, code: err.code });
    }
    throw err;
  }
}

const created = { createdAt: 'created_at' } as const;
const stamped = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export function createAuth(deps: { databaseUrl: string; config: AuthConfig; hooks: AccountHooks }): AuthGateway {
  const { config, hooks } = deps;
  // The same connection settings as the app's pool (DATABASE_URL: the server's login role), a pool of its own.
  const pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 5 });
  pool.on('error', () => undefined);

  const auth = betterAuth({
    appName: 'Loopcoach',
    baseURL: config.baseURL,
    basePath: AUTH_BASE_PATH,
    secret: config.secret,
    trustedOrigins: [config.baseURL, ...config.trustedOrigins],
    database: pool,
    telemetry: { enabled: false },
    logger: { level: 'error' },
    // Errors that are not the library's own (a database error) reach the HTTP shell, which maps or logs them.
    onAPIError: { throw: true },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: { modelName: 'auth_users', fields: { emailVerified: 'email_verified', ...stamped } },
    session: {
      modelName: 'auth_sessions',
      fields: { userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', ...stamped },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...stamped,
      },
    },
    verification: { modelName: 'auth_verifications', fields: { expiresAt: 'expires_at', ...stamped } },
    advanced: {
      database: { generateId: 'uuid' },
      cookiePrefix: 'loopcoach',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    rateLimit: { enabled: config.rateLimit, storage: 'memory' },
    // Slugs are organization ids (see the hooks), so checking one says nothing useful; deletion is not offered yet.
    disabledPaths: ['/organization/check-slug', '/organization/delete'],
    databaseHooks: {
      user: {
        create: {
          // Runs after the sign-up transaction commits. If it fails, the first request that needs a tenant creates it.
          after: async (user) => {
            await hooks.userCreated({ id: user.id, name: user.name });
          },
        },
      },
    },
    plugins: [
      bearer({ requireSignature: true }),
      organization({
        ac: accessControl,
        roles: organizationRoles,
        creatorRole: 'owner',
        disableOrganizationDeletion: true,
        cancelPendingInvitationsOnReInvite: true,
        invitationExpiresIn: 7 * 24 * 60 * 60,
        schema: {
          session: { fields: { activeOrganizationId: 'active_organization_id' } },
          organization: { modelName: 'organizations', fields: created },
          member: { modelName: 'memberships', fields: { organizationId: 'organization_id', userId: 'user_id', ...created } },
          invitation: {
            modelName: 'invitations',
            fields: { organizationId: 'organization_id', inviterId: 'inviter_id', expiresAt: 'expires_at', ...created },
          },
        },
        organizationHooks: {
          beforeCreateOrganization: ({ organization: org }) =>
            asApiError(async () => ({ data: await hooks.beforeCreateOrganization({ name: org.name ?? '' }) })),
          beforeUpdateOrganization: ({ organization: data, member }) =>
            Promise.resolve(data.slug === undefined ? undefined : { data: { slug: hooks.organizationSlug(member.organizationId) } }),
          beforeAddMember: ({ member }) => asApiError(() => hooks.beforeAddMember({ organizationId: member.organizationId })),
          beforeCreateInvitation: ({ invitation }) =>
            asApiError(() =>
              hooks.beforeCreateInvitation({ organizationId: invitation.organizationId, inviterId: invitation.inviterId, role: invitation.role }),
            ),
          beforeAcceptInvitation: ({ invitation }) => asApiError(() => hooks.beforeAcceptInvitation({ organizationId: invitation.organizationId })),
        },
      }),
    ],
  });

  return {
    handler: (request) => auth.handler(request),
    async sessions(headers) {
      let found;
      try {
        found = await auth.api.getSession({ headers });
      } catch (err) {
        // A malformed cookie or token is the library's 4xx: no session.
        if (err instanceof APIError && err.statusCode < 500) return null;
        throw err;
      }
      if (!found) return null;
      return {
        user: { id: found.user.id, email: found.user.email, name: found.user.name },
        activeOrganizationId: found.session.activeOrganizationId ?? null,
      };
    },
    async checkSchema() {
      const context = await auth.$context;
      await context.checkSchema?.();
    },
    close: () => pool.end(),
  };
}
