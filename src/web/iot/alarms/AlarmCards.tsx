import { Button, Empty, Space, Spin, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { Alarm } from '../api';
import { kindLabel, severityColour, severityLabel, severityTag } from '../labels';
import type { AlarmAction } from './AlarmActionDialog';
import { alarmSummary } from './AlarmTable';

interface Props {
  items: Alarm[];
  loading: boolean;
  onAction: ((alarm: Alarm, action: AlarmAction) => void) | null;
  fresh?: ReadonlySet<string>;
}

/** The alarm list on a phone: one card per alarm, the same facts and buttons as the table's row. */
export function AlarmCards({ items, loading, onAction, fresh }: Props) {
  const { lang, t } = useI18n();
  if (items.length === 0) return loading ? <Spin className="iot-cards-spin" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <ol className="iot-alarm-cards" data-testid="alarm-cards">
      {items.map((a) => (
        <li
          key={a.id}
          className={[a.clearedAt ? 'iot-alarm-cleared' : '', fresh?.has(a.id) ? 'iot-alarm-fresh' : ''].join(' ')}
          style={{ borderLeftColor: severityColour(a.severity) }}
          data-testid={`alarm-row-${a.id}`}
          data-device={a.deviceId}
          data-severity={a.severity}
          data-acked={a.acknowledgedAt ? 'true' : 'false'}
        >
          <div className="iot-alarm-card-head">
            <Tag color={severityTag(a.severity)}>{severityLabel(t, a.severity)}</Tag>
            <span>{kindLabel(t, a.kind)}</span>
            {a.repeats > 1 && <span className="iot-muted">×{a.repeats}</span>}
            <time className="iot-muted" dateTime={a.openedAt}>
              {formatDateTime(a.openedAt, lang)}
            </time>
          </div>
          <Link to={`/work/iot/devices/${encodeURIComponent(a.deviceId)}`} data-testid={`alarm-device-${a.id}`}>
            {a.deviceName} <span className="iot-muted">{a.deviceId}</span>
          </Link>
          <div className="iot-alarm-detail">{alarmSummary(t, a)}</div>
          <div className="iot-alarm-card-foot">
            <span className="iot-muted">
              {a.acknowledgedBy ? `${t('iot.alarm.ackBy')}：${a.acknowledgedBy}` : t('iot.alarm.notAcked')}
              {a.clearedAt && ` · ${a.clearedAutomatically ? t('iot.alarm.clearedAuto') : t('iot.alarm.clearedByHand')}`}
            </span>
            {a.caseId && (
              <Link to={`/work/cases/${a.caseId}`} data-testid={`alarm-case-${a.id}`}>
                {a.caseNo ?? a.caseId}
              </Link>
            )}
          </div>
          {onAction && !a.clearedAt && (
            <Space size={8}>
              {!a.acknowledgedAt && (
                <Button size="small" type="primary" onClick={() => onAction(a, 'acknowledge')} data-testid={`alarm-ack-button-${a.id}`}>
                  {t('iot.alarm.ack')}
                </Button>
              )}
              <Button size="small" danger onClick={() => onAction(a, 'clear')} data-testid={`alarm-clear-button-${a.id}`}>
                {t('iot.alarm.clear')}
              </Button>
            </Space>
          )}
        </li>
      ))}
    </ol>
  );
}
