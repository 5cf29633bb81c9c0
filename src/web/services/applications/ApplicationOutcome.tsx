import { Alert, Button, Card, Space } from 'antd';
import { ButtonLink } from '../../components/ButtonLink';
import { useI18n } from '../../i18n';
import { pdfUrl } from '../certificates/api';
import type { Application } from './api';

/** 办结 for the applicant: these statuses may be rated (一事一评, ratings/target.ts). */
const CONCLUDED = new Set(['approved', 'delivered', 'denied', 'not_accepted']);

/**
 * What the applicant does next once the department has decided: take the certificate (download it, or
 * find it among "my certificates" to show and verify) and rate the service. Without these links a
 * citizen had to know the addresses of both pages.
 */
export function ApplicationOutcome({ application: a }: { application: Application }) {
  const { t } = useI18n();
  if (!CONCLUDED.has(a.status)) return null;
  return (
    <Card title={t('apply.outcome.title')} data-testid="application-outcome">
      <Space direction="vertical" style={{ width: '100%' }}>
        {a.certificate && (
          <>
            <Alert type="success" showIcon message={t('apply.outcome.certificate', { number: a.certificate.number })} />
            <Space wrap>
              <Button type="primary" href={pdfUrl(a.certificate.id)} download data-testid="application-certificate-download">
                {t('apply.outcome.download')}
              </Button>
              <ButtonLink to="/me/certificates" data-testid="application-certificate-link">
                {t('apply.outcome.myCertificates')}
              </ButtonLink>
            </Space>
          </>
        )}
        <Alert type="info" showIcon message={t('apply.outcome.rateHint')} />
        <ButtonLink to={`/me/ratings#${encodeURIComponent(a.businessNo ?? a.id)}`} data-testid="application-rate-link">
          {t('apply.outcome.rate')}
        </ButtonLink>
      </Space>
    </Card>
  );
}
