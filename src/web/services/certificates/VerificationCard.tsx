import { Alert, Card, Descriptions } from 'antd';
import { useI18n } from '../../i18n';
import type { Verification } from './api';
import { CertStatusTag } from './StatusTag';

/** A verified certificate as the public sees it: the verdicts first, then the masked content. */
export function VerificationCard({ result }: { result: Verification }) {
  const { t } = useI18n();
  return (
    <Card className="cert-card" data-testid="cert-result" data-signature={result.signatureValid ? 'valid' : 'invalid'}>
      <Alert
        type={result.signatureValid ? 'success' : 'error'}
        showIcon
        message={result.signatureValid ? t('certs.verify.signatureOk') : t('certs.verify.signatureBad')}
        data-testid="cert-signature"
        style={{ marginBottom: 12 }}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('certs.field.status')}>
          <CertStatusTag status={result.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('certs.field.type')}>{result.typeName}</Descriptions.Item>
        <Descriptions.Item label={t('certs.verify.number')}>
          <span data-testid="cert-number">{result.number}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('certs.field.holder')}>
          <span data-testid="cert-holder">{result.holder}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('certs.field.holderId')}>{result.holderId}</Descriptions.Item>
        {Object.entries(result.data).map(([k, v]) => (
          <Descriptions.Item key={k} label={k}>
            {v}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('certs.field.validity')}>
          {result.validFrom} ~ {result.validUntil ?? t('certs.longTerm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('certs.field.issuer')}>{result.issuerName}</Descriptions.Item>
        <Descriptions.Item label={t('certs.field.issuedAt')}>{result.issuedAt.slice(0, 10)}</Descriptions.Item>
        {result.revokeReason && <Descriptions.Item label={t('certs.field.revoked')}>{result.revokeReason}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
