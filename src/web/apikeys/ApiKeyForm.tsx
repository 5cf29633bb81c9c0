import { Button, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { createApiKey, type NewApiKey } from '../api/apiKeys';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';

interface Props {
  /** The permissions the signed-in user holds: a key can get only these. */
  permissions: readonly string[];
  onCreated: (secret: string) => void;
}

/** Name and permissions of a new key. */
export function ApiKeyForm({ permissions, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewApiKey>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: NewApiKey) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await createApiKey({ name: values.name.trim(), permissions: values.permissions ?? [] });
      form.resetFields();
      onCreated(created.key);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {problem && (
        <div className="apikey-error" data-testid="apikey-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<NewApiKey> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} className="apikey-form" initialValues={{ permissions: [] }}>
        <Form.Item
          name="name"
          label={t('apikeys.name')}
          rules={[
            { required: true, whitespace: true, message: t('apikeys.nameRequired') },
            { pattern: /^[^\u0000-\u001f<>]+$/, message: t('apikeys.nameRequired') },
          ]}
        >
          <Input maxLength={60} placeholder={t('apikeys.namePlaceholder')} autoComplete="off" data-testid="apikey-name" />
        </Form.Item>
        <Form.Item name="permissions" label={t('apikeys.permissions')}>
          {permissions.length > 0 ? (
            <Checkbox.Group className="apikey-permissions" options={permissions.map((p) => ({ value: p, label: p }))} data-testid="apikey-permissions" />
          ) : (
            <Typography.Text type="secondary">{t('apikeys.noPermissions')}</Typography.Text>
          )}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="apikey-create">
          {t('apikeys.create')}
        </Button>
      </Form>
    </>
  );
}
