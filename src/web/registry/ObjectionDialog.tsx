import { Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { AttachmentUpload, uploadedIds, type Attachment } from '../workflow/AttachmentUpload';
import { raiseObjection, type RegisterInfo, type RegisterKey } from './api';

interface Props {
  open: boolean;
  register: RegisterKey;
  id: string;
  info: RegisterInfo | undefined;
  onClose: () => void;
}

interface Values {
  field: string;
  proposedValue: string;
  reason: string;
  evidence?: Attachment[];
}

/** 提出异议: which field is wrong, the right value, why, and evidence; then the objection's page. */
export function ObjectionDialog({ open, register, id, info, onClose }: Props) {
  const { lang, t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const fields = (info?.fields ?? []).filter((f) => !f.derived);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const started = await raiseObjection(register, id, { field: v.field, proposedValue: v.proposedValue.trim(), reason: v.reason.trim(), evidence: uploadedIds(v.evidence) });
      navigate(`/work/registry/objections/${started.id}`);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registry.objectionTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('registry.submit')}
      cancelText={t('registry.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'registry-objection-submit' } as ButtonProps}
      destroyOnHidden
    >
      {problem && <ProblemAlert problem={problem} />}
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} preserve={false}>
        <Form.Item name="field" label={t('registry.objectionField')} rules={[{ required: true }]}>
          <Select data-testid="registry-objection-field" options={fields.map((f) => ({ value: f.key, label: f[lang] }))} />
        </Form.Item>
        <Form.Item name="proposedValue" label={t('registry.proposed')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="registry-objection-value" />
        </Form.Item>
        <Form.Item name="reason" label={t('registry.objectionReason')} rules={[{ required: true, min: 2, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="registry-objection-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={t('registry.evidence')} valuePropName="value">
          <AttachmentUpload onProblem={setProblem} testId="registry-objection-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
