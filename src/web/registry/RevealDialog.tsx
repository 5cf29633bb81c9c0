import { Alert, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { revealRecord, type RecordView, type RegisterKey } from './api';

interface Props {
  open: boolean;
  register: RegisterKey;
  id: string;
  onClose: () => void;
  onRevealed: (view: RecordView) => void;
}

/** Asks why (查看事由) before the server returns the clear values and records the view. */
export function RevealDialog({ open, register, id, onClose, onRevealed }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      onRevealed(await revealRecord(register, id, reason.trim()));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registry.revealTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('registry.revealConfirm')}
      cancelText={t('registry.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'registry-reveal-confirm' } as ButtonProps}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('registry.revealHint')} style={{ marginBottom: 16 }} />
      {problem && <ProblemAlert problem={problem} />}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} preserve={false}>
        <Form.Item name="reason" label={t('registry.reason')} rules={[{ required: true, min: 2, whitespace: true, message: t('registry.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="registry-reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
