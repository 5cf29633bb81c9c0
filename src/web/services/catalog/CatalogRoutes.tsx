import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../components/NotFound';
import { CatalogPage } from './CatalogPage';
import { ItemEditorPage } from './ItemEditorPage';
import { useCatalogAccess } from './access';

/** `/work/services/catalog/*`, for those who maintain or publish a department's items. */
export function CatalogRoutes() {
  const access = useCatalogAccess();
  if (!access) return <NotFound />;
  return (
    <Routes>
      <Route index element={<CatalogPage />} />
      <Route path=":id" element={<ItemEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
