import { Route, Routes } from 'react-router-dom';
import { useCan } from '../auth';
import { NotFound } from '../components/NotFound';
import { ImportPage } from './ImportPage';
import { ObjectionPage } from './ObjectionPage';
import { RecordPage } from './RecordPage';
import { RegistrySearchPage } from './RegistrySearchPage';

/** `/work/registry/*`: search, records, import (owning departments) and objections. */
export function RegistryRoutes() {
  const read = useCan('registry:read');
  const maintain = useCan('registry:maintain');
  const raise = useCan('registry:objection.raise');
  const handle = useCan('registry:objection.handle');
  const objections = raise || handle;
  return (
    <Routes>
      {read && <Route index element={<RegistrySearchPage />} />}
      {maintain && <Route path="import" element={<ImportPage />} />}
      {objections && <Route path="objections/:id" element={<ObjectionPage />} />}
      {read && <Route path=":register/:id" element={<RecordPage />} />}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
