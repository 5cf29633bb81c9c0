import { Button, Card, Form, Input, message } from 'antd';
import { useState } from 'react';
import { changePassword } from '../../api/auth';
import { problemOf, type Problem } from '../../api/problem';
import { passwordStrengthRule } from '../../auth/passwordRule';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change my password (checked with the server's strength rules as one types). */
export function PasswordCard() {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('account.passwordTitle')} data-testid="password-card">
      {problem && (
        <div className="work-form-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} className="work-narrow-form">
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }, passwordStrengthRule(lang)]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('register.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('register.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
