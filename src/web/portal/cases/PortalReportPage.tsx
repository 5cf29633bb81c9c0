import { Card } from 'antd';
import { ReportFlow } from '../../cases/ReportFlow';
import { useI18n } from '../../i18n';
import { PortalCasesShell } from './PortalCasesShell';

/** `/report` (signed in): a citizen reports a problem in public space — the inspector's form, public classes only. */
export function PortalReportPage() {
  const { t } = useI18n();
  return (
    <PortalCasesShell title={t('cases.portal.reportTitle')} signedIn testId="portal-report-page">
      <Card>
        <ReportFlow publicOnly viewTo={() => '/me/cases'} />
      </Card>
    </PortalCasesShell>
  );
}
