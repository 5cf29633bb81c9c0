import { Form, Input, Modal, Typography } from 'antd';
import { suspendProcess } from '../api/workflow';
import { useI18n } from '../i18n';
import { DialogButtons } from './DialogButtons';
import { DialogProblem } from './DialogProblem';
import { useCall } from './useCall';

interface Props {
  instanceId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 挂起: the reason is required; the process then takes no action and its clock stops. */
export function SuspendDialog({ instanceId, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string }>();
  const call = useCall();
  const { clear } = call;
  const reset = () => {
    form.resetFields();
    clear();
  };

  const onFinish = async ({ reason }: { reason?: string }) => {
    if (await call.run(() => suspendProcess(instanceId, reason?.trim() ?? ''))) onDone();
  };

  return (
    <Modal open={open} title={t('wf.suspend')} onCancel={onClose} afterClose={reset} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wf.suspend.hint')}</Typography.Paragraph>
      <DialogProblem problem={call.problem} testId="suspend-error" />
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={clear} data-testid="suspend-form">
        <Form.Item name="reason" label={t('wf.suspend.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('wf.suspend.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="suspend-reason" />
        </Form.Item>
        <DialogButtons prefix="suspend" busy={call.busy} onCancel={onClose} submitText={t('wf.suspend')} />
      </Form>
    </Modal>
  );
}
