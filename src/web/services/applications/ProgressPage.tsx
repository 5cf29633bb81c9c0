import { Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { fetchProgress, type Progress } from './api';
import { ApplyShell } from './ApplyShell';
import { StatusTag } from './StatusTag';
import { ApplicationTimeline } from './Timeline';

/** `/services/progress` (public): 办件查询 with the business number and the applicant's ID number or phone. */
export function ProgressPage() {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<Progress>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const query = async (values: { businessNo: string; idOrPhone: string }) => {
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      setResult(await fetchProgress(values.businessNo.trim(), values.idOrPhone.trim()));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ApplyShell title={t('apply.nav.progress')} testId="progress-page">
      <Card>
        <Form layout="vertical" onFinish={(v: { businessNo: string; idOrPhone: string }) => void query(v)} data-testid="progress-form">
          <Form.Item name="businessNo" label={t('apply.progress.no')} rules={[{ required: true, pattern: /^\s*[Ss][Pp]\d{13}\s*$/, message: t('apply.progress.noFormat') }]}>
            <Input placeholder="SP2026112600012" data-testid="progress-no" autoComplete="off" />
          </Form.Item>
          <Form.Item name="idOrPhone" label={t('apply.progress.id')} rules={[{ required: true, min: 11, message: t('apply.progress.idRequired') }]}>
            <Input data-testid="progress-id" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="progress-submit">
            {t('apply.progress.query')}
          </Button>
        </Form>
      </Card>
      {problem && (
        <div style={{ marginTop: 16 }} data-testid="progress-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="progress-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('apply.field.businessNo')}>{result.businessNo}</Descriptions.Item>
            <Descriptions.Item label={t('apply.field.item')}>{result.itemName}</Descriptions.Item>
            <Descriptions.Item label={t('apply.field.applicant')}>
              {result.applicantName}（{result.applicantId}）
            </Descriptions.Item>
            <Descriptions.Item label={t('apply.field.department')}>{result.department}</Descriptions.Item>
            <Descriptions.Item label={t('apply.field.status')}>
              <StatusTag status={result.status} />
            </Descriptions.Item>
            {result.current?.running && <Descriptions.Item label={t('apply.field.current')}>{result.current.label[lang]}</Descriptions.Item>}
            {result.current?.dueAt && <Descriptions.Item label={t('apply.field.due')}>{formatDateTime(result.current.dueAt, lang)}</Descriptions.Item>}
          </Descriptions>
          <ApplicationTimeline entries={result.timeline} />
        </Card>
      )}
    </ApplyShell>
  );
}
