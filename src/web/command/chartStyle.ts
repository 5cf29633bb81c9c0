import { SCREEN_COLORS, type ChartOption } from './echarts';

/** Axis styles shared by the command screen's charts (dark background). */
export const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { color: SCREEN_COLORS.text },
  splitLine: { lineStyle: { color: SCREEN_COLORS.split } },
};

export function categoryAxis(names: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    data: names,
    axisLabel: { color: SCREEN_COLORS.text, interval: 0, fontSize: 12, ...extra },
    axisLine: { lineStyle: { color: SCREEN_COLORS.axis } },
    axisTick: { show: false },
  };
}

/** Shared frame: grid with labels contained, an axis tooltip. */
export const frame = (top = 16): Pick<ChartOption, 'grid' | 'tooltip'> => ({
  grid: { left: 8, right: 24, top, bottom: 4, containLabel: true },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
});
