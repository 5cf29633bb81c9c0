import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, login, logout, type Me } from '../api/auth';
import { setCsrfToken } from '../api/client';
import { ApiError } from '../api/problem';
import { AuthContext, type AuthValue } from './context';

async function loadMe(): Promise<Me | null> {
  try {
    const me = await fetchMe();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Who is signed in: loads /api/v1/auth/me once at start and keeps the CSRF token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const next = await loadMe();
      setMe(next);
      return next;
    } catch {
      // Server unreachable: behave as signed out rather than spinning forever.
      setMe(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const reply = await login(username, password);
    setCsrfToken(reply.csrfToken);
    if (reply.mfa === 'none') await refresh();
    return reply;
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthValue>(() => ({ me, signIn, signOut, refresh }), [me, signIn, signOut, refresh]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
