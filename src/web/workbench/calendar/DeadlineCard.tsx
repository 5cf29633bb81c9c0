import { Button, Card, Form, Input, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fetchDeadline, type Deadline } from '../../api/calendar';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { weekdayIndex } from './calendarDates';

interface Values {
  from: string;
  days: string;
}

const WEEKDAYS: MessageKey[] = ['calendar.wd.mon', 'calendar.wd.tue', 'calendar.wd.wed', 'calendar.wd.thu', 'calendar.wd.fri', 'calendar.wd.sat', 'calendar.wd.sun'];

interface Props {
  today: string;
  /** Bumped when the calendar changes (an override saved): the last result is recomputed. */
  version: number;
}

/** 期限计算: a start date plus N working days (the day of receipt not counted) → the due date. */
export function DeadlineCard({ today, version }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState<{ from: string; days: number }>();
  const [result, setResult] = useState<Deadline>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query) return;
    const controller = new AbortController();
    setBusy(true);
    setProblem(undefined);
    fetchDeadline(query.from, query.days, controller.signal)
      .then((reply) => {
        if (!controller.signal.aborted) setResult(reply);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setResult(undefined);
        setProblem(problemOf(error));
      })
      .finally(() => {
        if (!controller.signal.aborted) setBusy(false);
      });
    return () => controller.abort();
  }, [query, version]);

  const onFinish = (values: Values) => setQuery({ from: values.from, days: Number(values.days) });

  return (
    <Card title={t('calendar.deadlineTitle')} data-testid="deadline-card">
      <Typography.Paragraph type="secondary">{t('calendar.deadlineHint')}</Typography.Paragraph>
      <Form<Values> layout="inline" onFinish={onFinish} initialValues={{ from: today, days: '20' }} requiredMark={false} className="cal-deadline-form">
        <Form.Item name="from" label={t('calendar.deadlineFrom')} rules={[{ required: true, message: t('calendar.deadlineFromRequired') }]}>
          <Input type="date" data-testid="deadline-from" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('calendar.deadlineDays')}
          rules={[
            { required: true, message: t('calendar.deadlineDaysRequired') },
            { pattern: /^\d{1,4}$/, message: t('calendar.deadlineDaysRequired') },
            { validator: async (_rule, value: string | undefined) => { if (value && Number(value) > 1000) throw new Error(t('calendar.deadlineDaysRequired')); } },
          ]}
        >
          <Input type="number" min={0} max={1000} className="cal-days-input" data-testid="deadline-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="deadline-submit">
            {t('calendar.deadlineSubmit')}
          </Button>
        </Form.Item>
      </Form>
      {problem && (
        <div className="work-form-error cal-deadline-result">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {result && (
        <div className="cal-deadline-result" data-testid="deadline-due">
          <Typography.Text>{t('calendar.deadlineDue', { days: result.workingDays, from: result.from })}</Typography.Text>{' '}
          <Typography.Text strong className="cal-due-date">
            {result.due}（{t(WEEKDAYS[weekdayIndex(result.due)]!)}）
          </Typography.Text>{' '}
          {result.provisional && <Tag color="orange">{t('calendar.provisional')}</Tag>}
          <div>
            <Typography.Text type="secondary">{t('calendar.deadlineDueAt')}</Typography.Text>
          </div>
        </div>
      )}
    </Card>
  );
}
