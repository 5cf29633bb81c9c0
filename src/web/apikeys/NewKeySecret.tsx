import { Alert, Button, Typography } from 'antd';
import { useI18n } from '../i18n';

interface Props {
  secret: string;
  onDismiss: () => void;
}

/** The new key, shown this once, with a copy button and the warning that it cannot be seen again. */
export function NewKeySecret({ secret, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      className="apikey-secret-box"
      message={t('apikeys.secretTitle')}
      description={
        <>
          <Typography.Paragraph copyable={{ text: secret }} className="apikey-secret">
            <code data-testid="apikey-secret">{secret}</code>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('apikeys.secretWarning')}</Typography.Paragraph>
          <Button size="small" onClick={onDismiss} data-testid="apikey-dismiss">
            {t('apikeys.dismiss')}
          </Button>
        </>
      }
    />
  );
}
