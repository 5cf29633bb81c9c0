import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { confirmEnrolment, startEnrolment, verifyTotp, type Enrolment, type Me } from '../api/auth';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { AuthShell } from './AuthShell';
import { TotpStep } from './TotpStep';
import { useAuth } from './useAuth';

type Step = { kind: 'password' } | { kind: 'verify' } | { kind: 'enrol'; enrolment: Enrolment };

/** A path inside the platform (not `//host`, not a URL): an open redirect is a phishing tool. */
const internal = (next: string | null): next is string => next !== null && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\');

/** Where to go once signed in: back to the page asked for (the workbench for staff only), else the right home. */
function landing(me: Me | null, next: string | null): string {
  if (!me) return '/';
  if (me.kind !== 'staff') return internal(next) && !next.startsWith('/work') ? next : '/';
  return internal(next) && (next.startsWith('/work') || next.startsWith('/command')) ? next : '/work';
}

/** `/login`: user name and password, then the second factor when the account needs one. */
export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('auth.docTitle'));
  const { signIn, refresh } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  const finish = async () => navigate(landing(await refresh(), params.get('next')), { replace: true });

  const onPassword = (values: { username: string; password: string }) =>
    run(async () => {
      const reply = await signIn(values.username.trim(), values.password);
      if (reply.mfa === 'none') return finish();
      if (reply.mfa === 'verify') return setStep({ kind: 'verify' });
      setStep({ kind: 'enrol', enrolment: await startEnrolment() });
    });

  const onCode = (code: string) =>
    run(async () => {
      await (step.kind === 'enrol' ? confirmEnrolment(code) : verifyTotp(code));
      await finish();
    });

  return (
    <AuthShell title={t('auth.loginTitle')} subtitle={step.kind === 'password' ? t('auth.loginSubtitle') : undefined}>
      {problem && (
        <div className="auth-error" data-testid="login-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {step.kind === 'password' ? (
        <Form layout="vertical" onFinish={onPassword} requiredMark={false} className="auth-form">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input size="large" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password size="large" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
            {t('auth.login')}
          </Button>
          <Typography.Paragraph className="auth-footer-line">
            {t('auth.noAccount')} <Link to="/register">{t('auth.toRegister')}</Link>
          </Typography.Paragraph>
        </Form>
      ) : (
        <TotpStep
          enrolment={step.kind === 'enrol' ? step.enrolment : undefined}
          busy={busy}
          onSubmit={onCode}
          onRestart={() => {
            setProblem(undefined);
            setStep({ kind: 'password' });
          }}
        />
      )}
    </AuthShell>
  );
}
