import { useContext } from 'react';
import { AuthContext, type AuthValue } from './context';

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** Whether the signed-in user (fully signed in: second factor done) holds `permission`. */
export function useCan(permission: string): boolean {
  const { me } = useAuth();
  return Boolean(me && !me.mfaPending && me.permissions.includes(permission));
}
