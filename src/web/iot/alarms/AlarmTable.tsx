import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../format';
import { useI18n, type Translate } from '../../i18n';
import type { Alarm } from '../api';
import { kindLabel, severityLabel, severityTag } from '../labels';
import type { AlarmAction } from './AlarmActionDialog';

interface Props {
  items: Alarm[];
  loading: boolean;
  /** null: the viewer may not acknowledge or clear (iot:alarms.handle) */
  onAction: ((alarm: Alarm, action: AlarmAction) => void) | null;
  /** ids that arrived since the previous refresh (highlighted) */
  fresh?: ReadonlySet<string>;
}

const fmtNumber = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/** What happened, in one line: the rule, the server's detail (or the measured value), the peak when it went further. */
export function alarmSummary(t: Translate, a: Alarm): string {
  const parts: string[] = [];
  if (a.ruleName) parts.push(a.ruleName);
  if (a.detail) parts.push(a.detail);
  else if (a.quantity && a.value !== null) parts.push(t('iot.alarm.valueOf', { quantity: a.quantity, value: fmtNumber(a.value) }));
  if (a.peak !== null && a.value !== null && a.peak !== a.value) parts.push(t('iot.alarm.peak', { value: fmtNumber(a.peak) }));
  return parts.join(' · ');
}

/** 告警列表: severity, kind, device, what, repeats, times, who acknowledged, the case it opened, actions. */
export function AlarmTable({ items, loading, onAction, fresh }: Props) {
  const { lang, t } = useI18n();
  const columns: TableColumnsType<Alarm> = [
    {
      title: t('iot.alarm.severity'),
      dataIndex: 'severity',
      width: 84,
      render: (s: string, a) => (
        <Tag color={severityTag(s)} data-testid={`alarm-severity-${a.id}`}>
          {severityLabel(t, s)}
        </Tag>
      ),
    },
    { title: t('iot.alarm.kind'), dataIndex: 'kind', width: 72, render: (k: string) => kindLabel(t, k) },
    {
      title: t('iot.alarm.device'),
      dataIndex: 'deviceId',
      width: 170,
      render: (_: string, a) => (
        <Link to={`/work/iot/devices/${encodeURIComponent(a.deviceId)}`} data-testid={`alarm-device-${a.id}`}>
          <div>{a.deviceName}</div>
          <div className="iot-muted">{a.deviceId}</div>
        </Link>
      ),
    },
    { title: t('iot.alarm.detail'), key: 'detail', render: (_: unknown, a) => <span className="iot-alarm-detail">{alarmSummary(t, a)}</span> },
    { title: t('iot.alarm.repeats'), dataIndex: 'repeats', width: 64, align: 'right' },
    {
      title: t('iot.alarm.openedAt'),
      dataIndex: 'openedAt',
      width: 170,
      render: (v: string, a) => (
        <>
          <div>{formatDateTime(v, lang)}</div>
          {a.clearedAt && (
            <div className="iot-muted" data-testid={`alarm-cleared-${a.id}`}>
              {a.clearedAutomatically ? t('iot.alarm.clearedAuto') : t('iot.alarm.clearedByHand')} {formatDateTime(a.clearedAt, lang)}
            </div>
          )}
        </>
      ),
    },
    {
      title: t('iot.alarm.ackBy'),
      dataIndex: 'acknowledgedBy',
      width: 120,
      render: (by: string | null, a) =>
        by ? (
          <Tooltip title={a.ackNote ?? undefined}>
            <span data-testid={`alarm-ack-${a.id}`}>{by}</span>
          </Tooltip>
        ) : (
          <span className="iot-muted">{t('iot.alarm.notAcked')}</span>
        ),
    },
    {
      title: t('iot.alarm.case'),
      dataIndex: 'caseNo',
      width: 150,
      render: (no: string | null, a) =>
        a.caseId ? (
          <Link to={`/work/cases/${a.caseId}`} data-testid={`alarm-case-${a.id}`}>
            {no ?? a.caseId}
          </Link>
        ) : (
          '—'
        ),
    },
  ];
  if (onAction) {
    columns.push({
      title: t('iot.common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, a) =>
        a.clearedAt ? null : (
          <Space size={4} wrap>
            {!a.acknowledgedAt && (
              <Button size="small" type="primary" onClick={() => onAction(a, 'acknowledge')} data-testid={`alarm-ack-button-${a.id}`}>
                {t('iot.alarm.ack')}
              </Button>
            )}
            <Button size="small" danger onClick={() => onAction(a, 'clear')} data-testid={`alarm-clear-button-${a.id}`}>
              {t('iot.alarm.clear')}
            </Button>
          </Space>
        ),
    });
  }
  return (
    <Table<Alarm>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading && items.length === 0}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 1100 }}
      rowClassName={(a) => [a.clearedAt ? 'iot-alarm-cleared' : '', fresh?.has(a.id) ? 'iot-alarm-fresh' : ''].join(' ')}
      onRow={(a) => ({ 'data-testid': `alarm-row-${a.id}`, 'data-device': a.deviceId, 'data-severity': a.severity, 'data-acked': a.acknowledgedAt ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
      data-testid="alarm-table"
    />
  );
}
