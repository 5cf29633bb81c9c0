import { Route, Routes } from 'react-router-dom';
import { useCan } from '../../auth';
import { NotFound } from '../../components/NotFound';
import { ReviewPage } from './ReviewPage';
import { WindowPage } from './WindowPage';

/** `/work/applications/*`: the window page (list, counter applications) and one application with its process panel. */
export function ApplicationRoutes() {
  const canRead = useCan('services:application.read');
  return (
    <Routes>
      {canRead && <Route index element={<WindowPage />} />}
      <Route path=":id" element={<ReviewPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
