import { Form, Input, Modal, Select } from 'antd';
import { fetchCandidates, giveStep } from '../api/workflow';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { DialogButtons } from './DialogButtons';
import { DialogProblem } from './DialogProblem';
import { useCall } from './useCall';

export interface GiveTarget {
  kind: 'handover' | 'assign';
  stepId: string;
  /** the step already has a person: 改派 rather than 指派 */
  reassign: boolean;
}

interface Values {
  accountId?: string;
  comment?: string;
}

interface Props {
  target: GiveTarget | undefined;
  onClose: () => void;
  /** After the server accepted it, with the message to show. */
  onDone: (notice: string) => void;
}

/** 转办 / 指派 / 改派: a colleague who may work on the step (GET …/candidates) and a comment. */
export function GiveDialog({ target, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const call = useCall();
  const { clear } = call;
  const reset = () => {
    form.resetFields();
    clear();
  };
  const stepId = target?.stepId;
  const candidates = useApi((signal) => (stepId ? fetchCandidates(stepId, signal) : Promise.resolve([])), [stepId, target]);

  const title = !target ? '' : target.kind === 'handover' ? t('wf.handover') : target.reassign ? t('wf.reassign') : t('wf.assign');

  const onFinish = async (values: Values) => {
    if (!target || !values.accountId) return;
    const accountId = values.accountId;
    const name = candidates.data?.find((c) => c.accountId === accountId)?.displayName ?? '';
    const ok = await call.run(() => giveStep(target.kind, target.stepId, { accountId, comment: values.comment?.trim() ?? '' }));
    if (ok) onDone(t(target.kind === 'handover' ? 'wf.give.handedOver' : 'wf.give.assigned', { name }));
  };

  return (
    <Modal open={target !== undefined} title={title} onCancel={onClose} afterClose={reset} footer={null} destroyOnHidden>
      <DialogProblem problem={call.problem ?? candidates.problem} testId="give-error" />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={clear} data-testid="give-form">
        <Form.Item name="accountId" label={t('wf.give.candidate')} rules={[{ required: true, message: t('wf.give.candidateRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.loading}
            notFoundContent={candidates.loading ? t('common.loading') : t('wf.give.noCandidates')}
            options={(candidates.data ?? []).map((c) => ({ value: c.accountId, label: c.displayName }))}
            data-testid="give-candidate"
          />
        </Form.Item>
        <Form.Item name="comment" label={t('wf.comment')} rules={[{ required: true, whitespace: true, message: t('wf.commentRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('wf.commentRequiredHint')} data-testid="give-comment" />
        </Form.Item>
        <DialogButtons prefix="give" busy={call.busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
