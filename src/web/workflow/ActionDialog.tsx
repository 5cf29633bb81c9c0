import { Form, Input, Modal } from 'antd';
import { takeAction, type ProcessAction } from '../api/workflow';
import { useI18n } from '../i18n';
import { ActionFields } from './ActionFields';
import { uploadedIds, type Attachment } from './AttachmentUpload';
import { DialogButtons } from './DialogButtons';
import { DialogProblem } from './DialogProblem';
import { useCall } from './useCall';

interface Props {
  instanceId: string;
  /** The action being taken; undefined when closed. */
  action: ProcessAction | undefined;
  onClose: () => void;
  /** After the server accepted the action. */
  onDone: (action: ProcessAction) => void;
}

interface Values {
  comment?: string;
  fields?: Record<string, string | string[] | undefined>;
  files?: Attachment[];
}

const clean = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : (value ?? ''));

/**
 * The small form of one action: the fields it requires (退回: the target step; 发起会签: the
 * organisations), the attachments, and a comment (required when the action says so).
 */
export function ActionDialog({ instanceId, action, onClose, onDone }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const call = useCall();
  const { clear } = call;
  const reset = () => {
    form.resetFields();
    clear();
  };

  const onFinish = async (values: Values) => {
    if (!action) return;
    const comment = values.comment?.trim();
    const fields = Object.fromEntries(action.requires.map((f) => [f, clean(values.fields?.[f])]));
    const attachments = uploadedIds(values.files);
    const body = { ...(comment ? { comment } : {}), ...(action.requires.length > 0 ? { fields } : {}), ...(attachments.length > 0 ? { attachments } : {}) };
    if (await call.run(() => takeAction(instanceId, action.key, body))) onDone(action);
  };

  return (
    <Modal open={action !== undefined} title={action?.label[lang] ?? ''} onCancel={onClose} afterClose={reset} footer={null} forceRender>
      <DialogProblem problem={call.problem} testId="action-error" />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={clear} data-testid="action-form">
        {action && <ActionFields action={action} onProblem={call.report} />}
        <Form.Item
          name="comment"
          label={t('wf.comment')}
          rules={action?.commentRequired ? [{ required: true, whitespace: true, message: t('wf.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={action?.commentRequired ? t('wf.commentRequiredHint') : t('wf.commentOptional')} data-testid="action-comment" />
        </Form.Item>
        <DialogButtons prefix="action" busy={call.busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
