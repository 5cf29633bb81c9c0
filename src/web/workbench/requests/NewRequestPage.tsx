import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { problemOf, type Problem } from '../../api/problem';
import { fileRequest } from '../../api/requests';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

interface Values {
  title: string;
  reason: string;
}

/** `/work/requests/new` (every civil servant): 内部事项申请 — title and reason; on success, the new process's panel. */
export function NewRequestPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await fileRequest({ title: values.title.trim(), reason: values.reason.trim() });
      navigate(`/work/process/${created.instanceId}`);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <Card title={t('requests.title')} data-testid="request-page">
      <Typography.Paragraph type="secondary">{t('requests.hint')}</Typography.Paragraph>
      {problem && (
        <div className="work-form-error" data-testid="request-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> layout="vertical" className="work-narrow-form" onFinish={(v) => void onFinish(v)} requiredMark={false} onValuesChange={() => setProblem(undefined)}>
        <Form.Item
          name="title"
          label={t('requests.subject')}
          rules={[
            { required: true, whitespace: true, message: t('requests.subjectRequired') },
            { min: 2, max: 100, message: t('requests.subjectRequired') },
            { pattern: /^[^\u0000-\u001f<>]+$/, message: t('requests.subjectInvalid') },
          ]}
        >
          <Input maxLength={100} placeholder={t('requests.subjectPlaceholder')} data-testid="request-title" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('requests.reason')}
          rules={[
            { required: true, whitespace: true, message: t('requests.reasonRequired') },
            { min: 2, max: 2000, message: t('requests.reasonRequired') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('requests.reasonPlaceholder')} data-testid="request-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="request-submit">
          {t('requests.submit')}
        </Button>
      </Form>
    </Card>
  );
}
