import { Route, Routes } from 'react-router-dom';
import { useCan } from '../auth';
import { NotFound } from '../components/NotFound';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { AccountPage } from './account/AccountPage';
import { AccountsPage } from './accounts/AccountsPage';
import { AuditPage } from './audit/AuditPage';
import { CalendarPage } from './calendar/CalendarPage';
import { useCaseAccess } from './cases/access';
import { CaseDetailPage } from './cases/CaseDetailPage';
import { CaseListPage } from './cases/CaseListPage';
import { CaseReportPage } from './cases/CaseReportPage';
import { CitizensPage } from './citizens/CitizensPage';
import { OrgsPage } from './orgs/OrgsPage';
import { ProcessPage } from './process/ProcessPage';
import { NewRequestPage } from './requests/NewRequestPage';
import { RolesPage } from './roles/RolesPage';
import { CatalogRoutes } from '../services/catalog/CatalogRoutes';
import { ResourceCatalogRoutes } from '../catalog/CatalogRoutes';
import { RegistryRoutes } from '../registry/RegistryRoutes';
import { InteractionRoutes } from '../interaction/InteractionRoutes';
import { DisclosureRoutes } from '../disclosure/DisclosureRoutes';
import { ApplicationRoutes } from './applications/ApplicationRoutes';
import { IotRoutes } from '../iot/IotRoutes';
import { SharingRoutes } from '../sharing/SharingRoutes';
import { WorkHome } from './WorkHome';
import { WorkbenchLayout } from './WorkbenchLayout';
import './workbench.css';

/** Staff workbench (工作台) under `/work/*`. */
export default function WorkbenchApp() {
  const { t } = useI18n();
  useDocumentTitle(t('work.docTitle'));
  const canManageAccounts = useCan('identity:account.manage');
  const canReadAudit = useCan('audit:read');
  const canManageRoles = useCan('identity:role.manage');
  const canLookUpCitizens = useCan('identity:citizen.lookup');
  const cases = useCaseAccess();
  return (
    <WorkbenchLayout>
      <Routes>
        <Route index element={<WorkHome />} />
        <Route path="process/:id" element={<ProcessPage />} />
        <Route path="requests/new" element={<NewRequestPage />} />
        <Route path="orgs" element={<OrgsPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="account" element={<AccountPage />} />
        {cases.report && <Route path="cases/report" element={<CaseReportPage />} />}
        {cases.read && <Route path="cases" element={<CaseListPage />} />}
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="services/catalog/*" element={<CatalogRoutes />} />
        <Route path="catalog/*" element={<ResourceCatalogRoutes />} />
        <Route path="registry/*" element={<RegistryRoutes />} />
        <Route path="sharing/*" element={<SharingRoutes />} />
        <Route path="interaction/*" element={<InteractionRoutes />} />
        <Route path="disclosure/*" element={<DisclosureRoutes />} />
        <Route path="applications/*" element={<ApplicationRoutes />} />
        <Route path="iot/*" element={<IotRoutes />} />
        {canManageAccounts && <Route path="accounts" element={<AccountsPage />} />}
        {canManageRoles && <Route path="roles" element={<RolesPage />} />}
        {canLookUpCitizens && <Route path="citizens" element={<CitizensPage />} />}
        {canReadAudit && <Route path="audit" element={<AuditPage />} />}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </WorkbenchLayout>
  );
}
