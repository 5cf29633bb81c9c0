import { Card, Descriptions, Empty, Segmented, Space, Statistic, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery';
import { useI18n } from '../../i18n';
import { fetchAlarms, fetchDevice, fetchDeviceTypes, fetchLatest, fetchRejections, type Device } from '../api';
import { AlarmCards } from '../alarms/AlarmCards';
import { AlarmTable } from '../alarms/AlarmTable';
import { STATE_TAGS, stateLabel } from '../labels';
import { usePolled } from '../usePolled';
import { DeviceRejections } from './DeviceRejections';
import { SeriesChart, SPANS, type SpanKey } from './SeriesChart';

/** `/work/iot/devices/:id` (设备详情): facts, latest values, a live chart per quantity, refusals and alarms. */
export function DevicePage() {
  const { id = '' } = useParams();
  const device = useApi((signal) => fetchDevice(id, signal), [id]);
  return <AsyncView state={device}>{(d) => <DeviceView device={d} />}</AsyncView>;
}

function DeviceView({ device }: { device: Device }) {
  const { lang, t } = useI18n();
  useDocumentTitle(`${device.name} · ${t('iot.device.title')}`);
  const [span, setSpan] = useState<SpanKey>('1h');
  const phone = useMediaQuery(PHONE_QUERY);
  const types = useApi(fetchDeviceTypes, []);
  const quantities = useMemo(() => types.data?.find((ty) => ty.code === device.typeCode)?.quantities ?? [], [types.data, device.typeCode]);
  const latest = usePolled((signal) => fetchLatest(device.id, signal), [device.id], 5_000);
  const rejections = usePolled((signal) => fetchRejections(device.id, signal), [device.id], 30_000);
  const alarms = usePolled((signal) => fetchAlarms({ state: 'all', deviceId: device.id, limit: 100 }, signal), [device.id], 10_000);
  const state = latest.data?.state ?? device.state;

  return (
    <Space direction="vertical" size="middle" className="iot-stack" data-testid="device-page" data-device={device.id}>
      <Card
        title={
          <span>
            {device.name} <span className="iot-muted">{device.id}</span>
          </span>
        }
        extra={
          <Tag color={STATE_TAGS[state]} data-testid="device-state">
            {stateLabel(t, state)}
          </Tag>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('iot.device.type')}>{device.typeName}</Descriptions.Item>
          <Descriptions.Item label={t('iot.device.lastSeen')}>{device.lastSeenAt ? formatDateTime(device.lastSeenAt, lang) : t('iot.device.never')}</Descriptions.Item>
          <Descriptions.Item label={t('iot.device.interval')}>{t('iot.device.seconds', { n: device.expectedIntervalSeconds })}</Descriptions.Item>
          <Descriptions.Item label={t('iot.device.location')}>{`${device.lng.toFixed(5)}, ${device.lat.toFixed(5)}`}</Descriptions.Item>
          <Descriptions.Item label={t('iot.device.grid')}>{device.unitGridCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('iot.device.installDate')}>{device.installDate ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title={t('iot.device.latest')} size="small" data-testid="device-latest" data-count={latest.data?.values.length ?? 0}>
        {latest.data && latest.data.values.length > 0 ? (
          <div className="iot-latest">
            {latest.data.values.map((v) => (
              <div key={v.quantity} className="iot-latest-item" data-testid={`latest-${v.quantity}`}>
                <Statistic title={v.name} value={v.value} suffix={v.unit} precision={Number.isInteger(v.value) ? 0 : 1} />
                <div className="iot-muted">{formatDateTime(v.ts, lang)}</div>
              </div>
            ))}
          </div>
        ) : (
          <Empty description={t('iot.device.noLatest')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </Card>

      <Card title={t('iot.chart.title')} size="small">
        <Segmented<SpanKey>
          className="iot-span-picker"
          value={span}
          onChange={setSpan}
          options={SPANS.map((s) => ({ value: s.key, label: <span data-testid={`span-${s.key}`}>{t(`iot.chart.span.${s.key}`)}</span> }))}
        />
        <div className="iot-series-grid">
          {quantities.map((q) => (
            <SeriesChart key={q.key} deviceId={device.id} quantity={q} span={span} />
          ))}
        </div>
      </Card>

      <Card title={t('iot.device.alarms')} size="small" extra={<Link to="/work/iot/alarms">{t('iot.menu.alarms')}</Link>}>
        {phone ? <AlarmCards items={alarms.data ?? []} loading={alarms.loading} onAction={null} /> : <AlarmTable items={alarms.data ?? []} loading={alarms.loading} onAction={null} />}
      </Card>

      <Card title={t('iot.device.rejections')} size="small">
        {rejections.data ? <DeviceRejections data={rejections.data} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Card>
    </Space>
  );
}
