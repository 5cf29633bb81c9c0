import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';

interface Props {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  /** prefix of the test ids: `<testId>-reason`, `<testId>-confirm` */
  testId: string;
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}

/** A refusal or a revocation: it needs its reasons, and the server's objection is shown in the dialog. */
export function ReasonDialog({ open, title, hint, okText, testId, onClose, onConfirm }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onConfirm(reason.trim());
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t('sharing.common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ danger: true, 'data-testid': `${testId}-confirm` } as ButtonProps}
      destroyOnHidden
    >
      {hint && <Alert type="warning" showIcon message={hint} style={{ marginBottom: 16 }} />}
      {problem && <div style={{ marginBottom: 16 }}><ProblemAlert problem={problem} /></div>}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} preserve={false}>
        <Form.Item name="reason" label={t('sharing.common.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('sharing.common.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
