import { Alert, Button, Spin, Tag } from 'antd';
import type { CalendarDay } from '../../api/calendar';
import type { Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, type MessageKey } from '../../i18n';
import { dayKind, holidayName, monthGrid, monthKey, type DayKind, type YearMonth } from './calendarDates';

export const KIND_LABEL: Record<DayKind, MessageKey> = {
  workday: 'calendar.kind.workday',
  restday: 'calendar.kind.restday',
  holiday: 'calendar.kind.holiday',
  makeup: 'calendar.kind.makeup',
  override: 'calendar.kind.override',
};

const WEEKDAYS: MessageKey[] = ['calendar.wd.mon', 'calendar.wd.tue', 'calendar.wd.wed', 'calendar.wd.thu', 'calendar.wd.fri', 'calendar.wd.sat', 'calendar.wd.sun'];

interface Props {
  month: YearMonth;
  days: CalendarDay[] | undefined;
  loading: boolean;
  problem: Problem | undefined;
  today: string;
  onShift: (delta: number) => void;
  onRetry: () => void;
  /** When given (calendar:manage), days are buttons that open the override dialog. */
  onPick?: (day: CalendarDay) => void;
}

/** One month, Monday first, each day coloured by kind, with previous/next and a legend. */
export function MonthView({ month, days, loading, problem, today, onShift, onRetry, onPick }: Props) {
  const { lang, t } = useI18n();
  const byDate = new Map((days ?? []).map((d) => [d.date, d]));
  const provisional = (days ?? []).some((d) => d.provisional);
  const title = lang === 'zh' ? `${month.year}年${month.month}月` : new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(month.year, month.month - 1, 1)));

  return (
    <div className="cal-month" data-testid="calendar-month" data-month={monthKey(month)}>
      <div className="cal-month-bar">
        <Button onClick={() => onShift(-1)} data-testid="calendar-prev" aria-label={t('calendar.prev')}>
          ‹ {t('calendar.prev')}
        </Button>
        <h3 className="cal-month-title" data-testid="calendar-title">
          {title}
        </h3>
        <Button onClick={() => onShift(1)} data-testid="calendar-next" aria-label={t('calendar.next')}>
          {t('calendar.next')} ›
        </Button>
      </div>
      {provisional && (
        <Alert className="cal-banner" type="warning" showIcon message={t('calendar.provisionalBanner')} data-testid="provisional-banner" />
      )}
      {problem && (
        <div className="work-form-error">
          <ProblemAlert problem={problem} onRetry={onRetry} />
        </div>
      )}
      <Spin spinning={loading}>
        <div className="cal-grid">
          {WEEKDAYS.map((key) => (
            <div key={key} className="cal-weekday">
              {t(key)}
            </div>
          ))}
          {monthGrid(month).flat().map((date, i) => {
            if (!date) return <div key={`pad-${i}`} className="cal-cell cal-pad" aria-hidden="true" />;
            const day = byDate.get(date);
            const kind = day ? dayKind(day) : undefined;
            const name = day ? holidayName(day, lang) : null;
            const overrideWork = day?.source === 'override' ? (day.workday ? t('calendar.kind.workday') : t('calendar.kind.restday')) : null;
            const classes = ['cal-cell', kind ? `cal-${kind}` : '', date === today ? 'cal-today' : '', onPick && day ? 'cal-clickable' : ''].filter(Boolean).join(' ');
            const content = (
              <>
                <span className="cal-date">{Number(date.slice(8))}</span>
                {kind && <span className="cal-kind">{t(KIND_LABEL[kind])}</span>}
                {overrideWork && <span className="cal-note">{overrideWork}</span>}
                {name && (kind === 'holiday' || kind === 'makeup' || kind === 'override') && (
                  <span className="cal-name" title={name}>
                    {name}
                  </span>
                )}
                {day?.provisional && (
                  <Tag className="cal-provisional" color="orange">
                    {t('calendar.provisional')}
                  </Tag>
                )}
              </>
            );
            const common = {
              className: classes,
              'data-testid': `calendar-day-${date}`,
              'data-kind': kind ?? '',
            };
            return onPick && day ? (
              <button key={date} type="button" {...common} onClick={() => onPick(day)}>
                {content}
              </button>
            ) : (
              <div key={date} {...common}>
                {content}
              </div>
            );
          })}
        </div>
      </Spin>
      <div className="cal-legend" data-testid="calendar-legend">
        {(Object.keys(KIND_LABEL) as DayKind[]).map((kind) => (
          <span key={kind} className="cal-legend-item">
            <span className={`cal-swatch cal-${kind}`} aria-hidden="true" />
            {t(KIND_LABEL[kind])}
          </span>
        ))}
        <span className="cal-legend-item">
          <Tag color="orange">{t('calendar.provisional')}</Tag>
          {t('calendar.provisionalHint')}
        </span>
      </div>
    </div>
  );
}
