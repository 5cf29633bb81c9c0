export { AuthProvider } from './AuthProvider';
export { RequireAuth } from './RequireAuth';
export { useAuth, useCan } from './useAuth';
