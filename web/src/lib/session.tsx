import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, onSessionEnded, type Me, type Organization } from '../api.js';

/**
 * Who is using the app, from GET /api/me at start-up.
 *
 * - local mode: one person, no login; always `ready`.
 * - server mode: `ready` with a signed-in user, or `signed-out` (no session, or it ended: any request that needs a
 *   session answered 401). The session itself is an HttpOnly cookie the client never sees.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'ready'; me: Me };

/** none: never signed in here; expired: a request found no session; signed-out: the user signed out. */
export type SignedOutReason = 'none' | 'expired' | 'signed-out';

export interface SessionApi {
  state: SessionState;
  /**
   * Reads GET /api/me again (keeping the app on screen while it loads): who is asking now, or null when signed out.
   * Rejects with an ApiError other than 401.
   */
  refresh: () => Promise<Me | null>;
  /** Rejects with the API's message (wrong password, rate limit…). */
  signIn: (email: string, password: string) => Promise<void>;
  signUp: (name: string, email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Makes `organizationId` the one requests act for, then reads who is asking again. */
  switchOrganization: (organizationId: string) => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

const toError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
const isUnauthorized = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

/** Server mode answers 401 without a session; a user of null means the same. */
const stateOf = (me: Me, reason: SignedOutReason): SessionState =>
  me.mode === 'server' && me.user === null ? { status: 'signed-out', reason } : { status: 'ready', me };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.me(controller.signal).then(
      (me) => {
        setState(stateOf(me, 'none'));
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState(isUnauthorized(err) ? { status: 'signed-out', reason: 'none' } : { status: 'error', error: toError(err) });
      },
    );
    return () => {
      controller.abort();
    };
  }, [attempt]);

  // A request anywhere found no session (it expired, or was revoked elsewhere): ask the user to sign in again.
  useEffect(
    () =>
      onSessionEnded(() => {
        setState((s) => (s.status === 'ready' && s.me.mode === 'server' ? { status: 'signed-out', reason: 'expired' } : s));
      }),
    [],
  );

  const load = useCallback(async (reason: SignedOutReason): Promise<Me | null> => {
    try {
      const me = await api.me();
      const next = stateOf(me, reason);
      setState(next);
      return next.status === 'ready' ? me : null;
    } catch (err) {
      if (!isUnauthorized(err)) throw err;
      setState({ status: 'signed-out', reason });
      return null;
    }
  }, []);

  const refresh = useCallback(() => load('expired'), [load]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      await api.signIn({ email, password });
      await load('none');
    },
    [load],
  );

  const signUp = useCallback(
    async (name: string, email: string, password: string) => {
      await api.signUp({ name, email, password });
      await load('none');
    },
    [load],
  );

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch (err) {
      // Already signed out (the session had ended): the outcome the user asked for.
      if (!isUnauthorized(err)) throw err;
    }
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const switchOrganization = useCallback(
    async (organizationId: string) => {
      await api.setActiveOrganization(organizationId);
      await load('expired');
    },
    [load],
  );

  const retry = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ state, refresh, signIn, signUp, signOut, switchOrganization, retry }),
    [state, refresh, signIn, signUp, signOut, switchOrganization, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

/** Who is asking, for components shown only once the session is ready (every page but sign-in and sign-up). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'ready') throw new Error('useMe is for pages shown with a ready session');
  return state.me;
}

export const ROLE_LABELS: Record<string, string> = { owner: 'Owner', coach: 'Coach', member: 'Member' };
export const roleLabelOf = (role: string): string => ROLE_LABELS[role] ?? role;

/** A personal organization is named "Personal" in the directory; the app calls it what it is. */
export const organizationName = (org: Pick<Organization, 'name' | 'kind'>): string => (org.kind === 'personal' ? 'Personal workspace' : org.name);

export function activeOrganization(me: Me): Organization | undefined {
  return me.organizations.find((o) => o.id === me.activeOrganizationId);
}

/** Where to go after signing in: a path inside the app (never another site, never back to the sign-in pages). */
export function safeNext(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/^\/sign-(in|up)(?:[/?#]|$)/.test(raw)) return '/';
  return raw;
}

export const AUTH_PATHS: readonly string[] = ['/sign-in', '/sign-up'];
