import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { useDisclosureAccess } from './access';
import { ArticleEditorPage } from './ArticleEditorPage';
import { ArticleListPage } from './ArticleListPage';
import { RequestListPage } from './RequestListPage';
import { RequestPage } from './RequestPage';

/** `/work/disclosure/*`: articles (editors, leaders) and requests (answerers; a request's page for anyone it concerns). */
export function DisclosureRoutes() {
  const access = useDisclosureAccess();
  return (
    <Routes>
      {access.articles && <Route index element={<ArticleListPage />} />}
      {access.articles && <Route path="articles/:id" element={<ArticleEditorPage />} />}
      {access.answer && <Route path="requests" element={<RequestListPage />} />}
      <Route path="requests/:id" element={<RequestPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
