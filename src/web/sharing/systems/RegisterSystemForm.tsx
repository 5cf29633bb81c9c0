import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { registerSystem } from '../api';

/** 登记应用系统: a name, unique within the department (the server says so at the field). */
export function RegisterSystemForm({ onRegistered }: { onRegistered: (name: string) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ name }: { name: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const system = await registerSystem(name.trim());
      form.resetFields();
      onRegistered(system.name);
    } catch (error) {
      const p = problemOf(error);
      setProblem(p);
      const atName = (p.errors ?? []).filter((e) => e.field === '/body/name').map((e) => (typeof e.message === 'string' ? e.message : e.message[lang]));
      if (atName.length > 0) form.setFields([{ name: 'name', errors: atName }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {problem && <div style={{ marginBottom: 12 }}><ProblemAlert problem={problem} /></div>}
      <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} data-testid="sharing-system-form">
        <Space wrap align="start">
          <Form.Item name="name" label={t('sharing.systems.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('sharing.systems.nameRequired') }]}>
            <Input style={{ width: 300 }} maxLength={100} placeholder={t('sharing.systems.namePlaceholder')} data-testid="sharing-system-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="sharing-system-register">{t('sharing.systems.register')}</Button>
        </Space>
      </Form>
    </>
  );
}
