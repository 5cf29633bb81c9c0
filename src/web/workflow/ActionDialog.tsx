import { Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { takeAction, type ProcessAction } from '../api/workflow';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';

interface Props {
  instanceId: string;
  /** The action being taken; undefined when closed. */
  action: ProcessAction | undefined;
  onClose: () => void;
  /** After the server accepted the action. */
  onDone: (action: ProcessAction) => void;
}

type Values = { comment?: string } & Record<string, string | undefined>;

/** The small form of one action: a comment (required when the action says so) and the fields it requires. */
export function ActionDialog({ instanceId, action, onClose, onDone }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setProblem(undefined);
  }, [action, form]);

  const onFinish = async (values: Values) => {
    if (!action) return;
    setBusy(true);
    setProblem(undefined);
    const comment = values.comment?.trim();
    const fields = Object.fromEntries(action.requires.map((f) => [f, values[`field_${f}`]?.trim() ?? '']));
    try {
      await takeAction(instanceId, action.key, { ...(comment ? { comment } : {}), ...(action.requires.length > 0 ? { fields } : {}) });
      onDone(action);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={action !== undefined} title={action?.label[lang] ?? ''} onCancel={onClose} footer={null} forceRender>
      {problem && (
        <div className="work-form-error" data-testid="action-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} onValuesChange={() => setProblem(undefined)} data-testid="action-form">
        {action?.requires.map((field) => (
          <Form.Item key={field} name={`field_${field}`} label={field} rules={[{ required: true, whitespace: true, message: t('wf.fieldRequired', { field }) }]}>
            <Input maxLength={500} data-testid={`action-field-${field}`} />
          </Form.Item>
        ))}
        <Form.Item
          name="comment"
          label={t('wf.comment')}
          rules={action?.commentRequired ? [{ required: true, whitespace: true, message: t('wf.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={action?.commentRequired ? t('wf.commentRequiredHint') : t('wf.commentOptional')} data-testid="action-comment" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="action-submit">
            {t('wf.submitAction')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
