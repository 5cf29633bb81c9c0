/**
 * ECharts for the sensing charts, modular: line series (the min/max band is two stacked lines,
 * the lower one invisible, the difference filled), a time axis, tooltip and legend.
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type LineOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
export type LineChartInstance = EChartsType;

export const createLineChart = (element: HTMLElement): LineChartInstance => init(element, undefined, { renderer: 'canvas' });
