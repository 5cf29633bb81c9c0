import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { requestExtension } from '../api/workflow';
import { useI18n } from '../i18n';
import { DialogButtons } from './DialogButtons';
import { DialogProblem } from './DialogProblem';
import { useCall } from './useCall';

interface Values {
  workingDays?: number;
  reason?: string;
}

interface Props {
  /** The step to extend; undefined when closed. */
  stepId: string | undefined;
  onClose: () => void;
  onDone: () => void;
}

/** 申请延期: 1–60 more working days and the reason; a leader decides in their inbox. */
export function ExtensionDialog({ stepId, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const call = useCall();
  const { clear } = call;
  const reset = () => {
    form.resetFields();
    clear();
  };

  const onFinish = async (values: Values) => {
    if (!stepId || !values.workingDays) return;
    const workingDays = values.workingDays;
    if (await call.run(() => requestExtension(stepId, { workingDays, reason: values.reason?.trim() ?? '' }))) onDone();
  };

  return (
    <Modal open={stepId !== undefined} title={t('wf.extend')} onCancel={onClose} afterClose={reset} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('wf.extend.hint')}</Typography.Paragraph>
      <DialogProblem problem={call.problem} testId="extend-error" />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={clear} data-testid="extend-form">
        <Form.Item name="workingDays" label={t('wf.extend.days')} rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('wf.extend.daysRequired') }]}>
          <InputNumber min={1} max={60} precision={0} suffix={t('wf.extend.daysUnit')} className="wf-days-input" data-testid="extend-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('wf.extend.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('wf.extend.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="extend-reason" />
        </Form.Item>
        <DialogButtons prefix="extend" busy={call.busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
