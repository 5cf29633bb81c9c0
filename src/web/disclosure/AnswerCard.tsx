import { Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { AttachmentUpload, uploadedIds, type Attachment } from '../workflow/AttachmentUpload';
import { answerRequest, fetchVocabulary } from './api';

interface Values {
  answerType: string;
  answer: string;
  legalBasis?: string;
  files?: Attachment[];
}

/** 答复: answer type (予以公开 … 非本机关负责), the text, the legal basis when the type needs one, the information as files. */
export function AnswerCard({ instanceId, onDone }: { instanceId: string; onDone: (notice: string) => void }) {
  const { t, lang } = useI18n();
  const vocab = useApi(fetchVocabulary, []);
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('answerType', form);
  const needsBasis = Boolean(vocab.data?.answerTypes.find((a) => a.code === type)?.reason);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await answerRequest(instanceId, { answerType: v.answerType, answer: v.answer.trim(), ...(v.legalBasis?.trim() ? { legalBasis: v.legalBasis.trim() } : {}) }, uploadedIds(v.files));
      onDone(t('disclosure.answer.done'));
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(false);
  };
  return (
    <Card title={t('disclosure.answer.title')} data-testid="request-answer-card">
      {problem && <ProblemAlert problem={problem} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="answerType" label={t('disclosure.request.answerType')} rules={[{ required: true, message: t('disclosure.answer.typeRequired') }]}>
          <Select options={(vocab.data?.answerTypes ?? []).map((a) => ({ value: a.code, label: a[lang] }))} data-testid="request-answer-type" />
        </Form.Item>
        <Form.Item name="answer" label={t('disclosure.request.answer')} rules={[{ required: true, whitespace: true, min: 5, max: 4000, message: t('disclosure.answer.textRequired') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="request-answer-text" />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('disclosure.request.legalBasis')} rules={needsBasis ? [{ required: true, whitespace: true, message: t('disclosure.answer.basisRequired') }] : []}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="request-answer-basis" />
        </Form.Item>
        <Form.Item name="files" label={t('disclosure.request.files')}>
          <AttachmentUpload onProblem={setProblem} testId="request-answer-upload" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="request-answer-submit">
          {t('disclosure.answer.submit')}
        </Button>
      </Form>
    </Card>
  );
}
