import { Tag } from 'antd';
import { useI18n } from '../../i18n';

const colours = { valid: 'green', revoked: 'red', expired: 'orange' } as const;

export function CertStatusTag({ status }: { status: 'valid' | 'revoked' | 'expired' }) {
  const { t } = useI18n();
  return (
    <Tag color={colours[status]} data-testid="cert-status" data-status={status}>
      {t(`certs.status.${status}`)}
    </Tag>
  );
}
