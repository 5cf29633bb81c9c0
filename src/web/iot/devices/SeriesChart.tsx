import { Card, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { fetchSeries, type Quantity } from '../api';
import { createLineChart, type LineChartInstance } from '../charts';
import { usePolled } from '../usePolled';
import { seriesOption } from './seriesOption';

export const SPANS = [
  { key: '1h', ms: 3_600_000, pollMs: 5_000 },
  { key: '6h', ms: 6 * 3_600_000, pollMs: 5_000 },
  { key: '24h', ms: 24 * 3_600_000, pollMs: 15_000 },
  { key: '7d', ms: 7 * 86_400_000, pollMs: 60_000 },
  { key: '30d', ms: 30 * 86_400_000, pollMs: 60_000 },
] as const;
export type SpanKey = (typeof SPANS)[number]['key'];

interface Props {
  deviceId: string;
  quantity: Quantity;
  span: SpanKey;
}

/**
 * One quantity over the chosen span ending now, at the resolution the server picks for it
 * (原始 / 分钟 / 小时); asked again every few seconds (short spans) to a minute (long ones), so the
 * chart moves with the data without a reload.
 */
export function SeriesChart({ deviceId, quantity, span }: Props) {
  const { t } = useI18n();
  const choice = SPANS.find((s) => s.key === span) ?? SPANS[2];
  const series = usePolled(
    (signal) => {
      const to = Date.now();
      return fetchSeries(deviceId, quantity.key, new Date(to - choice.ms).toISOString(), new Date(to).toISOString(), signal);
    },
    [deviceId, quantity.key, span],
    choice.pollMs,
  );
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<LineChartInstance>();

  useEffect(() => {
    const el = element.current;
    if (!el) return undefined;
    const c = createLineChart(el);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  const data = series.data;
  useEffect(() => {
    if (!chart.current || !data) return;
    const labels = { avg: t('iot.chart.avg'), band: t('iot.chart.band'), unit: data.unit || quantity.unit };
    chart.current.setOption(seriesOption(data, labels, new Date(data.from).getTime(), new Date(data.to).getTime()), { notMerge: true });
  }, [data, t, quantity.unit]);

  return (
    <Card
      size="small"
      title={`${quantity.name}${quantity.unit ? `（${quantity.unit}）` : ''}`}
      extra={data && <Tag data-testid={`series-resolution-${quantity.key}`}>{t(`iot.chart.resolution.${data.resolution}`)}</Tag>}
      className="iot-series-card"
      data-testid={`series-${quantity.key}`}
      data-points={data?.points.length ?? 0}
      data-resolution={data?.resolution ?? ''}
    >
      <div ref={element} className="iot-series-chart" role="img" aria-label={t('iot.chart.label', { quantity: quantity.name })} />
      {data && data.points.length === 0 && <div className="iot-series-empty">{t('iot.chart.noData')}</div>}
    </Card>
  );
}
