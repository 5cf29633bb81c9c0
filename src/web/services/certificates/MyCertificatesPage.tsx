import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { fetchMyCertificate, fetchMyCertificates, pdfUrl, type HolderCertificate, type MyCertificate } from './api';
import { CertificatesShell } from './CertificatesShell';
import { CertStatusTag } from './StatusTag';

/** `/me/certificates` (signed in): the certificates issued to me, each downloadable as its PDF. */
export function MyCertificatesPage() {
  const { t } = useI18n();
  return (
    <CertificatesShell title={t('certs.mine.title')} testId="my-certs-page" signedIn>
      <MyCertificates />
    </CertificatesShell>
  );
}

function MyCertificates() {
  const { t } = useI18n();
  const mine = useApi(fetchMyCertificates, []);
  return (
    <div className="cert-list" data-testid="my-certs" data-loading={mine.loading ? 'true' : 'false'}>
      <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('certs.mine.empty')}>
        {(items) => items.map((c) => <CertificateItem key={c.id} cert={c} />)}
      </AsyncView>
    </div>
  );
}

function CertificateItem({ cert }: { cert: MyCertificate }) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<HolderCertificate>();
  return (
    <Card size="small" title={cert.typeName} extra={<CertStatusTag status={cert.status} />} data-testid={`my-cert-${cert.number}`}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('certs.verify.number')}>{cert.number}</Descriptions.Item>
        <Descriptions.Item label={t('certs.field.issuer')}>{cert.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('certs.field.validity')}>
          {cert.validFrom} ~ {cert.validUntil ?? t('certs.longTerm')}
        </Descriptions.Item>
        {detail && (
          <Descriptions.Item label={t('certs.mine.verifyCode')}>
            <Typography.Text copyable data-testid="my-cert-code">
              {detail.verifyCode}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <div className="cert-actions">
        <Button type="primary" href={pdfUrl(cert.id)} download data-testid="my-cert-download">
          {t('certs.mine.download')}
        </Button>
        {detail ? (
          <Link to={`/certificates/verify?number=${encodeURIComponent(detail.number)}&code=${encodeURIComponent(detail.verifyCode)}`} data-testid="my-cert-verify">
            {t('certs.mine.verifyLink')}
          </Link>
        ) : (
          <Button onClick={() => void fetchMyCertificate(cert.id).then(setDetail)} data-testid="my-cert-show-code">
            {t('certs.mine.verifyCode')}
          </Button>
        )}
      </div>
    </Card>
  );
}
