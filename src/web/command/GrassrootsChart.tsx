import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { kindLabel } from '../orgs/kinds';
import type { GrassrootsCount } from '../orgs/stats';
import { EChart } from './EChart';
import { SCREEN_COLORS, type ChartOption } from './echarts';

/** Stacked horizontal bars: communities and villages under each street/town. */
export function GrassrootsChart({ rows }: { rows: readonly GrassrootsCount[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    // Listed top-down in the usual order: the category axis draws from the bottom.
    const ordered = [...rows].reverse();
    const series = (['community', 'village'] as const).map((kind, i) => ({
      type: 'bar' as const,
      name: kindLabel(t, kind),
      stack: 'grassroots',
      barMaxWidth: 16,
      itemStyle: { color: SCREEN_COLORS.series[i] },
      data: ordered.map((row) => (kind === 'community' ? row.communities : row.villages)),
    }));
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: SCREEN_COLORS.text } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: SCREEN_COLORS.text },
        splitLine: { lineStyle: { color: SCREEN_COLORS.split } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((row) => row.unit.name),
        axisLabel: { color: SCREEN_COLORS.text, interval: 0, fontSize: 11 },
        axisLine: { lineStyle: { color: SCREEN_COLORS.axis } },
      },
      series,
    };
  }, [rows, t]);
  return (
    <EChart option={option} label={t('command.chart.grassroots')} className="command-chart command-chart-tall" />
  );
}
