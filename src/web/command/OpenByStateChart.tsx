import { useMemo } from 'react';
import { stateColour, stateLabel } from '../cases/states';
import { useI18n } from '../i18n';
import { categoryAxis, frame, valueAxis } from './chartStyle';
import { EChart } from './EChart';
import { SCREEN_COLORS, type ChartOption } from './echarts';
import { OPEN_STATES, type CaseStats } from './stats';

/** Horizontal bars: open cases in each state of the process, in process order, in the map's state colours. */
export function OpenByStateChart({ open }: { open: CaseStats['open'] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const states = [...OPEN_STATES].reverse(); // the category axis draws from the bottom: process order top-down
    return {
      ...frame(4),
      xAxis: valueAxis,
      yAxis: categoryAxis(states.map((s) => stateLabel(t, s)), { fontSize: 11 }),
      series: [
        {
          type: 'bar',
          name: t('command.ops.series.count'),
          barMaxWidth: 14,
          data: states.map((s) => ({ value: open[s] ?? 0, itemStyle: { color: stateColour(s), borderRadius: [0, 3, 3, 0] } })),
          label: { show: true, position: 'right', color: SCREEN_COLORS.text },
        },
      ],
    };
  }, [open, t]);
  return <EChart option={option} label={t('command.ops.openByState')} className="command-chart" merge testId="chart-open-by-state" />;
}
