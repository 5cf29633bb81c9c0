import { Button, Form, Input, message, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { removeOverride, setOverride, type CalendarDay, type OverrideKind } from '../../api/calendar';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { dayKind, holidayName } from './calendarDates';
import { KIND_LABEL } from './MonthView';

interface Props {
  day: CalendarDay | undefined;
  onClose: () => void;
  /** After a successful save or removal. */
  onChanged: () => void;
}

interface Values {
  kind: OverrideKind;
  reason: string;
}

/** calendar:manage: set a temporary adjustment (临时调整) of one day, or remove it. */
export function OverrideDialog({ day, onClose, onChanged }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState<'save' | 'remove'>();
  const isOverride = day?.source === 'override';

  useEffect(() => {
    if (!day) return;
    setProblem(undefined);
    form.setFieldsValue(
      isOverride ? { kind: day.workday ? 'workday' : 'holiday', reason: day.name ?? '' } : { kind: day.workday ? 'holiday' : 'workday', reason: '' },
    );
  }, [day, isOverride, form]);

  async function run(which: 'save' | 'remove', action: () => Promise<unknown>) {
    setBusy(which);
    setProblem(undefined);
    try {
      await action();
      void message.success(t('calendar.overrideSaved'));
      onChanged();
      onClose();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(undefined);
    }
  }

  const onFinish = (values: Values) => run('save', () => setOverride(day!.date, { kind: values.kind, reason: values.reason.trim() }));

  const name = day ? holidayName(day, lang) : null;
  return (
    <Modal
      open={day !== undefined}
      title={day ? t('calendar.overrideTitle', { date: day.date }) : ''}
      onCancel={onClose}
      footer={null}
      forceRender
    >
      {day && (
        <Typography.Paragraph type="secondary" data-testid="override-current">
          {t('calendar.overrideCurrent', { kind: t(KIND_LABEL[dayKind(day)]) })}
          {name ? `（${name}）` : ''}
        </Typography.Paragraph>
      )}
      {problem && (
        <div className="work-form-error" data-testid="override-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false} onValuesChange={() => setProblem(undefined)}>
        <Form.Item name="kind" label={t('calendar.overrideKind')} rules={[{ required: true }]}>
          <Select<OverrideKind>
            options={[
              { value: 'holiday', label: t('calendar.overrideHoliday') },
              { value: 'workday', label: t('calendar.overrideWorkday') },
            ]}
            data-testid="override-kind"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('calendar.overrideReason')}
          rules={[
            { required: true, whitespace: true, message: t('calendar.overrideReasonRequired') },
            { min: 2, max: 200, message: t('calendar.overrideReasonRequired') },
          ]}
        >
          <Input maxLength={200} placeholder={t('calendar.overrideReasonPlaceholder')} data-testid="override-reason" />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy === 'save'} disabled={busy === 'remove'} data-testid="override-save">
            {t('calendar.overrideSave')}
          </Button>
          {isOverride && (
            <Button danger loading={busy === 'remove'} disabled={busy === 'save'} onClick={() => void run('remove', () => removeOverride(day!.date))} data-testid="override-remove">
              {t('calendar.overrideRemove')}
            </Button>
          )}
          <Button onClick={onClose}>{t('calendar.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
