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
const CertificateVerifyPage = lazy(() => import('./services/certificates/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const MyCertificatesPage = lazy(() => import('./services/certificates/MyCertificatesPage').then((m) => ({ default: m.MyCertificatesPage })));
const RatingsPage = lazy(() => import('./services/ratings/RatingsPage').then((m) => ({ default: m.RatingsPage })));
const MyRatingsPage = lazy(() => import('./services/ratings/MyRatingsPage').then((m) => ({ default: m.MyRatingsPage })));
const ApplyPage = lazy(() => import('./services/apply/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyApplicationsPage = lazy(() => import('./services/applications/MyApplicationsPage').then((m) => ({ default: m.MyApplicationsPage })));
const ApplicationPage = lazy(() => import('./services/applications/ApplicationPage').then((m) => ({ default: m.ApplicationPage })));
const ProgressPage = lazy(() => import('./services/applications/ProgressPage').then((m) => ({ default: m.ProgressPage })));
const WriteLetterPage = lazy(() => import('./interaction/WriteLetterPage').then((m) => ({ default: m.WriteLetterPage })));
const MyLettersPage = lazy(() => import('./interaction/MyLettersPage').then((m) => ({ default: m.MyLettersPage })));
const PublicRepliesPage = lazy(() => import('./interaction/PublicRepliesPage').then((m) => ({ default: m.PublicRepliesPage })));
const OpenDataSearchPage = lazy(() => import('./opendata/OpenDataSearchPage').then((m) => ({ default: m.OpenDataSearchPage })));
const OpenDataDatasetPage = lazy(() => import('./opendata/DatasetPage').then((m) => ({ default: m.DatasetPage })));
const DisclosurePage = lazy(() => import('./disclosure/DisclosurePage').then((m) => ({ default: m.DisclosurePage })));
const DisclosureArticlePage = lazy(() => import('./disclosure/ArticlePage').then((m) => ({ default: m.ArticlePage })));
const DisclosureApplyPage = lazy(() => import('./disclosure/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const MyDisclosureRequestsPage = lazy(() => import('./disclosure/MyRequestsPage').then((m) => ({ default: m.MyRequestsPage })));

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
        <Route path="/services/ratings" element={<RatingsPage />} />
        <Route path="/certificates/verify" element={<CertificateVerifyPage />} />
        <Route path="/me/certificates" element={<MyCertificatesPage />} />
        <Route path="/me/ratings" element={<MyRatingsPage />} />
        <Route path="/services/apply/:code" element={<ApplyPage />} />
        <Route path="/services/applications" element={<MyApplicationsPage />} />
        <Route path="/services/applications/:id" element={<ApplicationPage />} />
        <Route path="/services/progress" element={<ProgressPage />} />
        <Route path="/services/:code" element={<ServiceGuidePage />} />
        <Route path="/letters" element={<PublicRepliesPage />} />
        <Route path="/letters/write" element={<WriteLetterPage />} />
        <Route path="/me/letters" element={<MyLettersPage />} />
        <Route path="/disclosure" element={<DisclosurePage />} />
        <Route path="/disclosure/articles/:id" element={<DisclosureArticlePage />} />
        <Route path="/disclosure/apply" element={<DisclosureApplyPage />} />
        <Route path="/me/disclosure" element={<MyDisclosureRequestsPage />} />
        <Route
          path="/work/*"
          element={
            <RequireAuth>
              <WorkbenchApp />
            </RequireAuth>
          }
        />
        <Route path="/opendata" element={<OpenDataSearchPage />} />
        <Route path="/opendata/dataset/:name" element={<OpenDataDatasetPage />} />
        <Route path="/command" element={<CommandPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
