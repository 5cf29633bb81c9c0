import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../components/NotFound';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { OrgsPage } from './orgs/OrgsPage';
import { WorkHome } from './WorkHome';
import { WorkbenchLayout } from './WorkbenchLayout';
import './workbench.css';

/** Staff workbench (工作台) under `/work/*`. */
export default function WorkbenchApp() {
  const { t } = useI18n();
  useDocumentTitle(t('work.docTitle'));
  return (
    <WorkbenchLayout>
      <Routes>
        <Route index element={<WorkHome />} />
        <Route path="orgs" element={<OrgsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </WorkbenchLayout>
  );
}
