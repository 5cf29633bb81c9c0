import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { useSharingAccess } from './access';
import { ExchangesPage } from './exchanges/ExchangesPage';
import { GrantsPage } from './grants/GrantsPage';
import { NewRequestPage } from './requests/NewRequestPage';
import { RequestPage } from './requests/RequestPage';
import { RequestsPage } from './requests/RequestsPage';
import { ResourcesPage } from './ResourcesPage';
import { SharingLayout } from './SharingLayout';
import { SystemsPage } from './systems/SystemsPage';

/** `/work/sharing/*`: 共享交换 — resources, systems and keys, requests and their decisions, grants, the usage log. */
export function SharingRoutes() {
  const can = useSharingAccess();
  if (!can.any) return <NotFound />;
  return (
    <Routes>
      <Route element={<SharingLayout />}>
        <Route index element={<ResourcesPage />} />
        {can.systems && <Route path="systems" element={<SystemsPage />} />}
        <Route path="requests" element={<RequestsPage />} />
        {can.request && <Route path="requests/new" element={<NewRequestPage />} />}
        <Route path="requests/:id" element={<RequestPage />} />
        {(can.request || can.decide) && <Route path="grants" element={<GrantsPage />} />}
        {(can.usage || can.request) && <Route path="exchanges" element={<ExchangesPage />} />}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
