import { Button, Form, message, Select } from 'antd';
import { useState } from 'react';
import { grantRole, type Account, type GrantScope, type Role, type RoleGrant } from '../../api/admin';
import type { Org } from '../../api/orgs';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { scopeLabel, SCOPES } from './scope';

interface Props {
  accounts: Account[];
  roles: Role[];
  orgs: Org[];
  onGranted: () => void;
}

type Values = RoleGrant & { accountId: string };

/** Grants a role to a staff account in an organisation with a data scope; 全区 defaults to the district root. */
export function GrantForm({ accounts, roles, orgs, onGranted }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const rootId = orgs.find((org) => org.parentId === null)?.id;

  const onFinish = async ({ accountId, ...grant }: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await grantRole(accountId, grant);
      void message.success(t('roles.granted'));
      onGranted();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const onScope = (scope: GrantScope) => {
    if (scope === 'district' && rootId) form.setFieldValue('orgId', rootId);
  };

  return (
    <>
      {problem && (
        <div className="work-form-error" data-testid="role-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setProblem(undefined)}
        requiredMark={false}
        className="work-narrow-form"
        initialValues={{ scope: 'own' }}
      >
        <Form.Item name="accountId" label={t('roles.account')} rules={[{ required: true, message: t('roles.accountRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={accounts.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
            data-testid="grant-account"
          />
        </Form.Item>
        <Form.Item name="roleCode" label={t('roles.role')} rules={[{ required: true, message: t('roles.roleRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={roles.map((r) => ({ value: r.code, label: `${r.name[lang]}（${r.code}）` }))}
            data-testid="grant-role"
          />
        </Form.Item>
        <Form.Item name="scope" label={t('roles.scope')} rules={[{ required: true }]}>
          <Select<GrantScope>
            options={SCOPES.map((scope) => ({ value: scope, label: scopeLabel(t, scope) }))}
            onChange={onScope}
            data-testid="grant-scope"
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('roles.org')} rules={[{ required: true, message: t('roles.orgRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={orgs.map((org) => ({ value: org.id, label: org.name }))}
            data-testid="grant-org"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="grant-submit">
          {t('roles.grant')}
        </Button>
      </Form>
    </>
  );
}
