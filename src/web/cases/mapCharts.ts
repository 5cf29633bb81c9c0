/**
 * ECharts for the case maps, modular: the geo component (areas from the grid GeoJSON), a custom
 * series (community and unit-grid outlines) and scatter (case markers). No tiles: everything is
 * drawn from our own GeoJSON, as government networks have no map service.
 */
import { CustomChart, ScatterChart, type CustomSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GeoComponent, TooltipComponent, type GeoComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, registerMap, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([GeoComponent, TooltipComponent, CustomChart, ScatterChart, CanvasRenderer]);

export type MapOption = ComposeOption<GeoComponentOption | TooltipComponentOption | CustomSeriesOption | ScatterSeriesOption>;
export type MapChart = EChartsType;

export const createMapChart = (element: HTMLElement): MapChart => init(element, undefined, { renderer: 'canvas' });

/** Registers (or replaces) a GeoJSON map under `name`. */
export function registerGeoJson(name: string, geoJson: object): void {
  registerMap(name, geoJson as Parameters<typeof registerMap>[1]);
}
