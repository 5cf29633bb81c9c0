import { Button, Form, Input, Typography } from 'antd';
import type { Enrolment } from '../api/auth';
import { useI18n } from '../i18n';

interface Props {
  /** Present for first-time binding: QR code and secret are shown. */
  enrolment?: Enrolment;
  busy: boolean;
  onSubmit: (code: string) => void;
  onRestart: () => void;
}

/** The second step of signing in: verify a one-time code, or bind an authenticator first. */
export function TotpStep({ enrolment, busy, onSubmit, onRestart }: Props) {
  const { t } = useI18n();
  return (
    <div data-testid={enrolment ? 'totp-enrol' : 'totp-verify'}>
      <Typography.Title level={4}>{enrolment ? t('auth.totp.enrolTitle') : t('auth.totp.verifyTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {enrolment ? t('auth.totp.enrolHint') : t('auth.totp.verifyHint')}
      </Typography.Paragraph>
      {enrolment && (
        <>
          <img className="totp-qr" src={enrolment.qrDataUrl} alt={enrolment.otpauthUri} data-testid="totp-qr" />
          <Typography.Text type="secondary">{t('auth.totp.secret')}</Typography.Text>
          <Typography.Text copyable={{ text: enrolment.secret }} className="totp-secret">
            <span data-testid="totp-secret">{enrolment.secret}</span>
          </Typography.Text>
        </>
      )}
      <Form layout="vertical" onFinish={(values: { code: string }) => onSubmit(values.code)} requiredMark={false}>
        <Form.Item
          name="code"
          label={t('auth.totp.code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totp.codeInvalid') }]}
          normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
        >
          <Input
            className="totp-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            size="large"
            autoFocus
            data-testid="totp-code"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="totp-submit">
          {enrolment ? t('auth.totp.confirm') : t('auth.totp.verify')}
        </Button>
        <Button type="link" block onClick={onRestart}>
          {t('auth.totp.restart')}
        </Button>
      </Form>
    </div>
  );
}
