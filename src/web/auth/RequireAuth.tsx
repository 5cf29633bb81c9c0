import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageFallback } from '../components/PageFallback';
import { useAuth } from './useAuth';

/** Renders children for signed-in staff (second factor done); otherwise sends them to /login (and back after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <PageFallback />;
  if (me === null || me.mfaPending) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // The workbench is for staff; residents and enterprises belong on the portal.
  if (me.kind !== 'staff') return <Navigate to="/" replace />;
  return <>{children}</>;
}
