import { Route, Routes } from 'react-router-dom';
import { useCan } from '../auth';
import { NotFound } from '../components/NotFound';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { AccountPage } from './account/AccountPage';
import { AccountsPage } from './accounts/AccountsPage';
import { AuditPage } from './audit/AuditPage';
import { OrgsPage } from './orgs/OrgsPage';
import { WorkHome } from './WorkHome';
import { WorkbenchLayout } from './WorkbenchLayout';
import './workbench.css';

/** Staff workbench (工作台) under `/work/*`. */
export default function WorkbenchApp() {
  const { t } = useI18n();
  useDocumentTitle(t('work.docTitle'));
  const canManageAccounts = useCan('identity:account.manage');
  const canReadAudit = useCan('audit:read');
  return (
    <WorkbenchLayout>
      <Routes>
        <Route index element={<WorkHome />} />
        <Route path="orgs" element={<OrgsPage />} />
        <Route path="account" element={<AccountPage />} />
        {canManageAccounts && <Route path="accounts" element={<AccountsPage />} />}
        {canReadAudit && <Route path="audit" element={<AuditPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </WorkbenchLayout>
  );
}
