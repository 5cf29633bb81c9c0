import { Alert, Button, Card, Select, Space, Switch, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery';
import { useI18n } from '../../i18n';
import { fetchAlarms, type Alarm, type AlarmQuery } from '../api';
import { SEVERITIES, severityLabel } from '../labels';
import { usePolled } from '../usePolled';
import { AlarmActionDialog, type AlarmAction } from './AlarmActionDialog';
import { AlarmCards } from './AlarmCards';
import { AlarmTable } from './AlarmTable';
import { useNewAlarms } from './useNewAlarms';

const STATES = ['open', 'unacknowledged', 'cleared', 'all'] as const;
type StateFilter = (typeof STATES)[number];
const isState = (s: string | null): s is StateFilter => (STATES as readonly (string | null)[]).includes(s);

/** `/work/iot/alarms` (告警台): open alarms first, by severity; refreshed every 5 s; acknowledge and clear. */
export function AlarmConsolePage() {
  const { t } = useI18n();
  useDocumentTitle(t('iot.alarm.title'));
  const canHandle = useCan('iot:alarms.handle');
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useSearchParams();
  const rawState = params.get('state');
  const state: StateFilter = isState(rawState) ? rawState : 'open';
  const severity = params.get('severity') ?? undefined;
  const query: AlarmQuery = { state, limit: 500 };
  if (severity) query.severity = severity as NonNullable<AlarmQuery['severity']>;
  const alarms = usePolled((signal) => fetchAlarms(query, signal), [state, severity], 5_000);
  const [sound, setSound] = useState(false);
  const { fresh, newCritical, dismiss } = useNewAlarms(alarms.data, sound, `${state}|${severity ?? ''}`);
  const [acting, setActing] = useState<{ alarm: Alarm; action: AlarmAction }>();
  const items = useMemo(() => alarms.data ?? [], [alarms.data]);
  const list = { items, loading: alarms.loading, fresh, onAction: canHandle ? (alarm: Alarm, action: AlarmAction) => setActing({ alarm, action }) : null };

  const setFilter = (key: 'state' | 'severity', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={t('iot.alarm.title')}
      data-testid="alarm-console"
      data-count={items.length}
      data-loading={alarms.loading ? 'true' : 'false'}
      extra={
        <Space>
          <span className="iot-muted">{t('iot.alarm.sound')}</span>
          <Switch size="small" checked={sound} onChange={setSound} data-testid="alarm-sound" />
        </Space>
      }
    >
      <div className="work-toolbar iot-toolbar">
        <Select<StateFilter>
          value={state}
          onChange={(v) => setFilter('state', v === 'open' ? undefined : v)}
          options={STATES.map((s) => ({ value: s, label: t(`iot.alarm.state.${s}`) }))}
          style={{ width: 140 }}
          data-testid="alarm-filter-state"
        />
        <Select<string>
          value={severity}
          allowClear
          placeholder={t('iot.alarm.allSeverities')}
          onChange={(v) => setFilter('severity', v)}
          options={SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }))}
          style={{ width: 140 }}
          data-testid="alarm-filter-severity"
        />
        <Typography.Text type="secondary" data-testid="alarm-count">
          {t('iot.alarm.count', { count: items.length })}
        </Typography.Text>
      </div>
      {newCritical.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="iot-critical-banner"
          data-testid="alarm-new-critical"
          message={t('iot.alarm.newCritical', { count: newCritical.length })}
          description={newCritical.map((a) => `${a.deviceName}（${a.deviceId}）${a.ruleName ? ` · ${a.ruleName}` : ''}`).join('；')}
          action={<Button size="small" onClick={dismiss}>{t('iot.alarm.seen')}</Button>}
        />
      )}
      {alarms.problem && <ProblemAlert problem={alarms.problem} onRetry={alarms.reload} />}
      {phone ? <AlarmCards {...list} /> : <AlarmTable {...list} />}
      <AlarmActionDialog
        alarm={acting?.alarm}
        action={acting?.action ?? 'acknowledge'}
        onClose={() => setActing(undefined)}
        onDone={() => {
          setActing(undefined);
          alarms.reload();
        }}
      />
    </Card>
  );
}
