import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { categoryAxis, frame, valueAxis } from './chartStyle';
import { EChart } from './EChart';
import { SCREEN_COLORS, type ChartOption } from './echarts';
import type { CaseStats } from './stats';

/** Horizontal bars: the most reported classes of the last 7 days, the most frequent on top. */
export function TopClassesChart({ rows }: { rows: CaseStats['topClasses'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const ordered = [...rows].reverse(); // the category axis draws from the bottom
    return {
      ...frame(8),
      xAxis: valueAxis,
      yAxis: categoryAxis(ordered.map((r) => r.name), { width: 96, overflow: 'truncate' }),
      series: [
        {
          type: 'bar',
          name: t('command.ops.series.count'),
          barMaxWidth: 18,
          data: ordered.map((r) => r.count),
          itemStyle: { color: SCREEN_COLORS.series[1], borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', color: SCREEN_COLORS.text },
        },
      ],
    };
  }, [rows, t]);
  return <EChart option={option} label={t('command.ops.topClasses')} className="command-chart" merge testId="chart-top-classes" />;
}
