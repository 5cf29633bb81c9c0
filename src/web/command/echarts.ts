/**
 * ECharts, modular: only the charts, components and renderer the command
 * screen uses are registered, keeping the chunk small.
 */
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Chart = EChartsType;

export function createChart(element: HTMLElement): Chart {
  return init(element, undefined, { renderer: 'canvas' });
}

/** Colours of the command screen's dark theme. */
export const SCREEN_COLORS = {
  text: 'rgba(215, 235, 255, 0.85)',
  axis: 'rgba(120, 180, 255, 0.35)',
  split: 'rgba(120, 180, 255, 0.12)',
  series: ['#36cfc9', '#4096ff', '#ffc53d', '#ff7a45', '#73d13d', '#9254de'],
} as const;
