import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { IssuedKey } from '../api';
import { exchangeExample } from './usage';

interface Props {
  issued: (IssuedKey & { systemName: string }) | null;
  onClose: () => void;
}

/** A new exchange key, shown this once: copy button, warning, and how a system uses it. */
export function KeySecretModal({ issued, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={issued !== null}
      title={issued ? `${t('sharing.key.title')} · ${issued.systemName}` : t('sharing.key.title')}
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose} data-testid="sharing-key-close">{t('sharing.common.close')}</Button>}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      {issued && (
        <>
          <Alert type="warning" showIcon message={t('sharing.key.warning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: issued.secret }} className="sharing-secret">
            <code data-testid="sharing-key-secret">{issued.secret}</code>
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('sharing.key.example')}</Typography.Text>
          <pre className="sharing-code-block">{exchangeExample(t, issued.secret)}</pre>
        </>
      )}
    </Modal>
  );
}
