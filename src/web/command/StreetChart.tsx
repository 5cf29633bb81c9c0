import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { categoryAxis, frame, valueAxis } from './chartStyle';
import { EChart } from './EChart';
import { SCREEN_COLORS, type ChartOption } from './echarts';
import type { StreetFlow } from './stats';

/** How many streets and towns the chart shows at most (the busiest), so that each bar stays readable. */
export const STREET_LIMIT = 12;

/** The busiest streets and towns of the last 30 days, most reported first. */
export function busiestStreets(rows: readonly StreetFlow[]): StreetFlow[] {
  return [...rows].sort((a, b) => b.reported - a.reported || a.streetCode.localeCompare(b.streetCode)).slice(0, STREET_LIMIT);
}

interface Props {
  rows: readonly StreetFlow[];
  /** street/town name by its code */
  names: ReadonlyMap<string, string>;
  label: string;
}

/** Horizontal bars per street/town: reported vs closed on time, last 30 days. */
export function StreetChart({ rows, names, label }: Props) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const ordered = busiestStreets(rows).reverse(); // the category axis draws from the bottom
    const bar = (name: string, color: string, pick: (r: StreetFlow) => number) => ({
      type: 'bar' as const,
      name,
      barMaxWidth: 10,
      barGap: '20%',
      itemStyle: { color, borderRadius: [0, 3, 3, 0] },
      data: ordered.map(pick),
    });
    return {
      ...frame(28),
      legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: SCREEN_COLORS.text } },
      xAxis: valueAxis,
      yAxis: categoryAxis(
        ordered.map((r) => names.get(r.streetCode) ?? r.streetCode),
        { fontSize: 11, width: 84, overflow: 'truncate' },
      ),
      series: [
        bar(t('command.ops.series.reported'), SCREEN_COLORS.series[1], (r) => r.reported),
        bar(t('command.ops.series.closedOnTime'), SCREEN_COLORS.series[4], (r) => r.closedOnTime),
      ],
    };
  }, [rows, names, t]);
  return <EChart option={option} label={label} className="command-chart" merge testId="chart-by-street" />;
}
