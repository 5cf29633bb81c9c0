import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { NotFound } from './components/NotFound';
import { PageFallback } from './components/PageFallback';
import { PortalPage } from './portal/PortalPage';

// The workbench and the command screen load on demand, keeping the portal light.
const WorkbenchApp = lazy(() => import('./workbench/WorkbenchApp'));
const CommandPage = lazy(() => import('./command/CommandPage'));

/** The three faces of the SPA: portal, staff workbench, command screen. */
export function App() {
  return (
    <Suspense fallback={<PageFallback />}>
      <Routes>
        <Route path="/" element={<PortalPage />} />
        <Route path="/work/*" element={<WorkbenchApp />} />
        <Route path="/command" element={<CommandPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
