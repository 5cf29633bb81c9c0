import { Card, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { fetchAlarms, fetchDevices, fetchDeviceTypes, type Alarm, type Device, type DeviceQuery } from '../api';
import { STATE_COLOURS, STATE_TAGS, severityColour, severityLabel, severityRank, severityTag, stateLabel } from '../labels';
import { usePolled } from '../usePolled';
import { DeviceFilters, type DeviceFilterValues } from './DeviceFilters';
import { DeviceMap, type DeviceMarker } from './DeviceMap';
import '../../cases/cases.css';

const KEYS = ['typeCode', 'state', 'area'] as const;

/** The worst open alarm of each device (for the list's column and the map's colour). */
function worstAlarms(alarms: Alarm[]): Map<string, { severity: string; count: number }> {
  const byDevice = new Map<string, { severity: string; count: number }>();
  for (const a of alarms) {
    const was = byDevice.get(a.deviceId);
    if (!was) byDevice.set(a.deviceId, { severity: a.severity, count: 1 });
    else byDevice.set(a.deviceId, { severity: severityRank(a.severity) < severityRank(was.severity) ? a.severity : was.severity, count: was.count + 1 });
  }
  return byDevice;
}

/** `/work/iot/devices` (设备): filters, a table with state and open alarms, and the devices on the map; refreshed every 15 s. */
export function DeviceListPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('iot.device.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: DeviceFilterValues = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const tab = params.get('view') === 'map' ? 'map' : 'list';
  const query: DeviceQuery = { limit: 1000 };
  if (filters.typeCode) query.typeCode = filters.typeCode;
  if (filters.state) query.state = filters.state as NonNullable<DeviceQuery['state']>;
  if (filters.area) query.area = filters.area;
  const devices = usePolled((signal) => fetchDevices(query, signal), [JSON.stringify(query)], 15_000);
  const alarms = usePolled((signal) => fetchAlarms({ state: 'open', limit: 1000 }, signal), [], 15_000);
  const types = useApi(fetchDeviceTypes, []);
  const items = useMemo(() => devices.data ?? [], [devices.data]);
  const worst = useMemo(() => worstAlarms(alarms.data ?? []), [alarms.data]);
  const markers = useMemo<DeviceMarker[]>(
    () =>
      items.map((d) => {
        const alarm = worst.get(d.id);
        const title = `${d.name} ${d.id} · ${stateLabel(t, d.state)}${alarm ? ` · ${severityLabel(t, alarm.severity)} ×${alarm.count}` : ''}`;
        return { id: d.id, lng: d.lng, lat: d.lat, colour: alarm ? severityColour(alarm.severity) : (STATE_COLOURS[d.state] ?? '#8c8c8c'), alarmed: Boolean(alarm), title };
      }),
    [items, worst, t],
  );

  const update = (next: DeviceFilterValues, view = tab) => {
    const p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]!);
    if (view === 'map') p.set('view', 'map');
    setParams(p, { replace: true });
  };

  const columns: TableColumnsType<Device> = [
    {
      title: t('iot.device.id'),
      dataIndex: 'id',
      render: (id: string, d) => (
        <Link to={`/work/iot/devices/${encodeURIComponent(id)}`} data-testid={`device-link-${id}`}>
          <div>{d.name}</div>
          <div className="iot-muted">{id}</div>
        </Link>
      ),
    },
    { title: t('iot.device.type'), dataIndex: 'typeName', width: 130 },
    {
      title: t('iot.device.state'),
      dataIndex: 'state',
      width: 90,
      render: (s: string, d) => (
        <Tag color={STATE_TAGS[s]} data-testid={`device-state-${d.id}`}>
          {stateLabel(t, s)}
        </Tag>
      ),
    },
    {
      title: t('iot.device.openAlarms'),
      key: 'alarms',
      width: 110,
      render: (_: unknown, d) => {
        const alarm = worst.get(d.id);
        return alarm ? <Tag color={severityTag(alarm.severity)}>{`${severityLabel(t, alarm.severity)} ×${alarm.count}`}</Tag> : <span className="iot-muted">—</span>;
      },
    },
    { title: t('iot.device.lastSeen'), dataIndex: 'lastSeenAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v, lang) : <span className="iot-muted">{t('iot.device.never')}</span>) },
  ];

  return (
    <Card title={t('iot.device.title')} data-testid="device-list-page" data-count={items.length}>
      <DeviceFilters value={filters} onChange={(next) => update(next)} types={types.data ?? []} />
      {devices.problem && <ProblemAlert problem={devices.problem} onRetry={devices.reload} />}
      <Typography.Paragraph type="secondary" data-testid="device-count">
        {t('iot.device.count', { count: items.length, online: items.filter((d) => d.state === 'online').length })}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(view) => update(filters, view)}
        items={[
          {
            key: 'list',
            label: <span data-testid="device-tab-list">{t('iot.device.tabList')}</span>,
            children: (
              <Table<Device>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={items}
                loading={devices.loading && items.length === 0}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                scroll={{ x: 720 }}
                onRow={(d) => ({ 'data-testid': `device-row-${d.id}` }) as HTMLAttributes<HTMLElement>}
              />
            ),
          },
          {
            key: 'map',
            label: <span data-testid="device-tab-map">{t('iot.device.tabMap')}</span>,
            children: (
              <>
                <DeviceMap label={t('iot.device.mapLabel')} markers={markers} onMarkerClick={(m) => navigate(`/work/iot/devices/${encodeURIComponent(m.id)}`)} />
                <div className="iot-legend">
                  {(['online', 'offline'] as const).map((s) => (
                    <span key={s}>
                      <i style={{ background: STATE_COLOURS[s] }} />
                      {stateLabel(t, s)}
                    </span>
                  ))}
                  {(['critical', 'major', 'minor', 'warning'] as const).map((s) => (
                    <span key={s}>
                      <i className="iot-legend-alarm" style={{ background: severityColour(s) }} />
                      {severityLabel(t, s)}
                    </span>
                  ))}
                </div>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
