import { Card, Col, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fetchCalendarDays, type CalendarDay } from '../../api/calendar';
import { useCan } from '../../auth';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import { daysInMonth, isoDate, monthKey, monthOf, shiftMonth, todayInChina } from './calendarDates';
import { DeadlineCard } from './DeadlineCard';
import { MonthView } from './MonthView';
import { OfficeHoursCard } from './OfficeHoursCard';
import { OverrideDialog } from './OverrideDialog';
import './calendar.css';

/** `/work/calendar` (all staff): the working calendar, deadline calculator and office hours; editing with calendar:manage. */
export function CalendarPage() {
  const { t } = useI18n();
  const canManage = useCan('calendar:manage');
  const today = useMemo(todayInChina, []);
  const [month, setMonth] = useState(() => monthOf(today));
  const [version, setVersion] = useState(0);
  const [picked, setPicked] = useState<CalendarDay>();
  const days = useApi(
    (signal) => fetchCalendarDays(isoDate(month.year, month.month, 1), isoDate(month.year, month.month, daysInMonth(month)), signal),
    [monthKey(month), version],
  );
  const orgs = useOrgs();

  return (
    <div className="work-stack" data-testid="calendar-page">
      <Card title={t('calendar.title')}>
        <Typography.Paragraph type="secondary">{canManage ? t('calendar.manageHint') : t('calendar.readHint')}</Typography.Paragraph>
        <MonthView
          month={month}
          // Keep the previous month's days out of the new grid while it loads.
          days={days.data?.[0]?.date.startsWith(monthKey(month)) ? days.data : undefined}
          loading={days.loading}
          problem={days.problem}
          today={today}
          onShift={(delta) => setMonth((m) => shiftMonth(m, delta))}
          onRetry={days.reload}
          {...(canManage ? { onPick: setPicked } : {})}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DeadlineCard today={today} version={version} />
        </Col>
        <Col xs={24} xl={12}>
          <AsyncView state={orgs}>{(list) => <OfficeHoursCard orgs={list} canManage={canManage} />}</AsyncView>
        </Col>
      </Row>
      {canManage && <OverrideDialog day={picked} onClose={() => setPicked(undefined)} onChanged={() => setVersion((v) => v + 1)} />}
    </div>
  );
}
