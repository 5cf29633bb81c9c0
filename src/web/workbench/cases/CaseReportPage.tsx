import { Card, Typography } from 'antd';
import { ReportFlow } from '../../cases/ReportFlow';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useCaseAccess } from './access';

/** `/work/cases/report` (监督员, phone first): report a problem found on patrol; operators enter hotline reports. */
export function CaseReportPage() {
  const { t } = useI18n();
  useDocumentTitle(t('cases.report.title'));
  const access = useCaseAccess();
  return (
    <Card title={t('cases.report.title')} data-testid="case-report-page" className="case-report-card">
      <Typography.Paragraph type="secondary">{access.withSource ? t('cases.report.operatorHint') : t('cases.report.hint')}</Typography.Paragraph>
      <ReportFlow withSource={access.withSource} viewTo={(reply) => `/work/cases/${reply.id}`} />
    </Card>
  );
}
