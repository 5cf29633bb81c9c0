import { createContext } from 'react';
import type { LoginReply, Me } from '../api/auth';

export interface AuthValue {
  /** undefined while the first /auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  /** Password step; the session may still need a second factor (reply.mfa). */
  signIn: (username: string, password: string) => Promise<LoginReply>;
  signOut: () => Promise<void>;
  /** Reloads /auth/me (after the second factor, a password change…). */
  refresh: () => Promise<Me | null>;
}

export const AuthContext = createContext<AuthValue | null>(null);
