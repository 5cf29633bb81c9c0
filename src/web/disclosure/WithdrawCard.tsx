import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import { withdrawArticle } from './api';

/** 撤回: a leader takes a published article off the portal, with the reason. */
export function WithdrawCard({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { reason: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await withdrawArticle(id, v.reason.trim());
      onDone();
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(false);
  };
  return (
    <Card title={t('disclosure.withdraw.title')} data-testid="article-withdraw-card">
      {problem && <ProblemAlert problem={problem} />}
      <Form layout="inline" onFinish={(v: { reason: string }) => void onFinish(v)}>
        <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('disclosure.withdraw.required') }]} style={{ flex: 1 }}>
          <Input maxLength={500} placeholder={t('disclosure.withdraw.reason')} data-testid="article-withdraw-reason" />
        </Form.Item>
        <Button danger htmlType="submit" loading={busy} data-testid="article-withdraw-submit">
          {t('disclosure.withdraw.submit')}
        </Button>
      </Form>
    </Card>
  );
}
