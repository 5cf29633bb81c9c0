import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth';
import { NotFound } from './components/NotFound';
import { PageFallback } from './components/PageFallback';
import { PortalPage } from './portal/PortalPage';

const LoginPage = lazy(() => import('./auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('./auth/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const MePage = lazy(() => import('./portal/MePage').then((m) => ({ default: m.MePage })));

// The workbench and the command screen load on demand, keeping the portal light.
const WorkbenchApp = lazy(() => import('./workbench/WorkbenchApp'));
const CommandPage = lazy(() => import('./command/CommandPage'));

/** The faces of the SPA: portal (with sign-in and registration), staff workbench, command screen. */
export function App() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Routes>
        <Route path="/" element={<PortalPage />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/me" element={<MePage />} />
        <Route
          path="/work/*"
          element={
            <RequireAuth>
              <WorkbenchApp />
            </RequireAuth>
          }
        />
        <Route path="/command" element={<CommandPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
