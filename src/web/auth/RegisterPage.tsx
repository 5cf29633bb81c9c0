import { Button, Form, Input, message, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { validateIdNumber, validateMobilePhone } from '../../shared/validators';
import { registerCitizen, type CitizenRegistration } from '../api/auth';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { AuthShell } from './AuthShell';
import { passwordStrengthRule } from './passwordRule';

type Values = CitizenRegistration & { confirm: string };

/** `/register`: personal (citizen) registration, checked with the server's validators as one types. */
export function RegisterPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('register.docTitle'));
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('register.required', { field }) });

  const onFinish = async ({ confirm: _confirm, ...values }: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await registerCitizen({
        ...values,
        realName: values.realName.trim(),
        idNumber: values.idNumber.trim(),
        phone: values.phone.trim(),
        username: values.username.trim(),
      });
      void message.success(t('register.done'));
      navigate('/login', { replace: true });
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t('register.title')} subtitle={t('register.subtitle')}>
      {problem && (
        <div className="auth-error" data-testid="register-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false} validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="realName" label={t('register.realName')} rules={[required(t('register.realName'))]}>
          <Input autoComplete="name" maxLength={50} data-testid="register-realName" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('register.idNumber')}
          validateTrigger="onBlur"
          rules={[
            required(t('register.idNumber')),
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && !validateIdNumber(value).ok) throw new Error(t('register.idInvalid'));
              },
            },
          ]}
        >
          <Input maxLength={18} data-testid="register-idNumber" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('register.phone')}
          validateTrigger="onBlur"
          rules={[
            required(t('register.phone')),
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && !validateMobilePhone(value).ok) throw new Error(t('register.phoneInvalid'));
              },
            },
          ]}
        >
          <Input inputMode="tel" autoComplete="tel" maxLength={20} data-testid="register-phone" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[required(t('auth.username')), { pattern: /^[A-Za-z0-9_.@-]{3,32}$/, message: t('register.usernameRule') }]}
        >
          <Input autoComplete="username" maxLength={32} data-testid="register-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[required(t('auth.password')), passwordStrengthRule(lang)]}>
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('register.confirmPassword')}
          dependencies={['password']}
          rules={[
            required(t('register.confirmPassword')),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('password')) throw new Error(t('register.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="register-submit">
          {t('register.submit')}
        </Button>
        <Typography.Paragraph className="auth-footer-line">
          {t('auth.haveAccount')} <Link to="/login">{t('auth.toLogin')}</Link>
        </Typography.Paragraph>
      </Form>
    </AuthShell>
  );
}
