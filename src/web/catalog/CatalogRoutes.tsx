import { Route, Routes } from 'react-router-dom';
import { useCan } from '../auth';
import { NotFound } from '../components/NotFound';
import { ResourceDetailPage } from './ResourceDetailPage';
import { ResourceEditPage } from './ResourceEditPage';
import { ResourceListPage } from './ResourceListPage';

/** `/work/catalog/*`: the government information resource catalogue in the workbench. */
export function ResourceCatalogRoutes() {
  const canMaintain = useCan('catalog:maintain');
  return (
    <Routes>
      <Route index element={<ResourceListPage />} />
      {canMaintain && <Route path="new" element={<ResourceEditPage />} />}
      {canMaintain && <Route path=":id/edit" element={<ResourceEditPage />} />}
      <Route path=":id" element={<ResourceDetailPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
