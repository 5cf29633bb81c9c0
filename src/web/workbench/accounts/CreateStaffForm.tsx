import { Button, Form, Input, message, Select } from 'antd';
import { useState } from 'react';
import { createStaff, type NewStaff } from '../../api/admin';
import type { Org } from '../../api/orgs';
import { problemOf, type Problem } from '../../api/problem';
import { passwordStrengthRule } from '../../auth/passwordRule';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

interface Props {
  orgs: Org[];
  onCreated: () => void;
}

/** Creates a civil-servant account in a chosen organisation. */
export function CreateStaffForm({ orgs, onCreated }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<NewStaff>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: NewStaff) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await createStaff({ ...values, username: values.username.trim(), displayName: values.displayName.trim() });
      form.resetFields();
      void message.success(t('accounts.created'));
      onCreated();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {problem && (
        <div className="work-form-error" data-testid="staff-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<NewStaff> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} className="work-narrow-form">
        <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true, message: t('register.required', { field: t('accounts.displayName') }) }]}>
          <Input maxLength={50} data-testid="staff-displayName" />
        </Form.Item>
        <Form.Item name="orgId" label={t('accounts.org')} rules={[{ required: true, message: t('accounts.orgRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={orgs.map((org) => ({ value: org.id, label: org.name }))}
            data-testid="staff-org"
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={[{ required: true, message: t('auth.usernameRequired') }, { pattern: /^[A-Za-z0-9_.@-]{3,32}$/, message: t('register.usernameRule') }]}
        >
          <Input maxLength={32} autoComplete="off" data-testid="staff-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }, passwordStrengthRule(lang)]}>
          <Input.Password autoComplete="new-password" data-testid="staff-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="staff-submit">
          {t('accounts.create')}
        </Button>
      </Form>
    </>
  );
}
