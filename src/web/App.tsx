import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth';
import { NotFound } from './components/NotFound';
import { PageFallback } from './components/PageFallback';
import { PortalPage } from './portal/PortalPage';

const LoginPage = lazy(() => import('./auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const RegisterPage = lazy(() => import('./auth/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const MePage = lazy(() => import('./portal/MePage').then((m) => ({ default: m.MePage })));
const PortalReportPage = lazy(() => import('./portal/cases/PortalReportPage').then((m) => ({ default: m.PortalReportPage })));
const MyCasesPage = lazy(() => import('./portal/cases/MyCasesPage').then((m) => ({ default: m.MyCasesPage })));
const PublicMapPage = lazy(() => import('./portal/cases/PublicMapPage').then((m) => ({ default: m.PublicMapPage })));
const ServiceSearchPage = lazy(() => import('./services/ServiceSearchPage').then((m) => ({ default: m.ServiceSearchPage })));
const ServiceGuidePage = lazy(() => import('./services/GuidePage').then((m) => ({ default: m.GuidePage })));
const PowerListPage = lazy(() => import('./services/PowerListPage').then((m) => ({ default: m.PowerListPage })));
const ResponsibilityListPage = lazy(() => import('./services/ResponsibilityListPage').then((m) => ({ default: m.ResponsibilityListPage })));

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
        <Route path="/report" element={<PortalReportPage />} />
        <Route path="/me/cases" element={<MyCasesPage />} />
        <Route path="/cases/map" element={<PublicMapPage />} />
        <Route path="/services" element={<ServiceSearchPage />} />
        <Route path="/services/power-list" element={<PowerListPage />} />
        <Route path="/services/responsibility-list" element={<ResponsibilityListPage />} />
        <Route path="/services/:code" element={<ServiceGuidePage />} />
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
