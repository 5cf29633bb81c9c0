import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { kindLabel, ORG_KINDS } from '../orgs/kinds';
import type { KindCounts } from '../orgs/stats';
import { EChart } from './EChart';
import { SCREEN_COLORS, type ChartOption } from './echarts';

/** Bar chart: number of organisations of each kind. */
export function KindChart({ counts }: { counts: KindCounts }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: ORG_KINDS.map((kind) => kindLabel(t, kind)),
        axisLabel: { color: SCREEN_COLORS.text, interval: 0 },
        axisLine: { lineStyle: { color: SCREEN_COLORS.axis } },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: SCREEN_COLORS.text },
        splitLine: { lineStyle: { color: SCREEN_COLORS.split } },
      },
      series: [
        {
          type: 'bar',
          name: t('command.chart.count'),
          barMaxWidth: 36,
          data: ORG_KINDS.map((kind, i) => ({
            value: counts[kind],
            itemStyle: { color: SCREEN_COLORS.series[i % SCREEN_COLORS.series.length], borderRadius: [4, 4, 0, 0] },
          })),
          label: { show: true, position: 'top', color: SCREEN_COLORS.text },
        },
      ],
    }),
    [counts, t],
  );
  return <EChart option={option} label={t('command.chart.byKind')} className="command-chart" />;
}
