import type { CustomSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { Position, UnitGridFeature } from '../api/grid';
import type { GridLayers } from './gridLayers';
import type { MapOption } from './mapCharts';
import { stateColour } from './states';

export interface LngLat {
  lng: number;
  lat: number;
}

/** A case on a map: its place, state (colour) and a one-line title for the tooltip. */
export interface CaseMarker extends LngLat {
  id: string;
  state: string;
  title: string;
}

/** What is in view, after a pan or zoom: decides which layers are drawn. */
export interface MapView {
  bbox: [number, number, number, number];
  communities: boolean;
  units: boolean;
}

/**
 * Degrees of longitude per screen pixel below which communities, then unit grids, are drawn:
 * a 100 m unit grid (≈ 0.001°) is then at least 10 pixels wide.
 */
const COMMUNITY_SCALE = 0.001;
const UNIT_SCALE = 0.0001;

/** Zoom that shows unit grids when a map is centred on a place (case detail, "my position"). */
export const PLACE_ZOOM = 30;

export function viewOf(bbox: [number, number, number, number], widthPx: number): MapView {
  const scale = (bbox[2] - bbox[0]) / Math.max(widthPx, 1);
  return { bbox, communities: scale < COMMUNITY_SCALE, units: scale < UNIT_SCALE };
}

/** The base: the areas map, movable and zoomable; `focus` centres it (detail pages). */
export function baseOption(layers: GridLayers, focus?: LngLat & { zoom?: number }): MapOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', confine: true },
    geo: {
      map: layers.mapName,
      roam: true,
      aspectScale: 0.87, // cos(29.35°): keeps shapes true at Yongchuan's latitude
      scaleLimit: { min: 0.8, max: 600 },
      selectedMode: false,
      label: { show: true, color: '#51606f', fontSize: 11 },
      itemStyle: { areaColor: '#eef3f9', borderColor: '#7f9cc4', borderWidth: 1 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#e3ecf7' } },
      tooltip: { show: false },
      ...(focus ? { center: [focus.lng, focus.lat], zoom: focus.zoom ?? 1 } : { zoom: 1 }),
    },
  };
}

type Rings = Position[][];

function outlines(id: string, rings: Rings, stroke: string, fill: string, names?: string[]): CustomSeriesOption {
  return {
    type: 'custom',
    id,
    coordinateSystem: 'geo',
    silent: !names,
    z: 2,
    data: rings.map((_, i) => ({ value: i, name: names?.[i] ?? '' })),
    renderItem: (params, api) => ({
      type: 'polygon',
      shape: { points: (rings[params.dataIndex] ?? []).map((p) => api.coord(p)) },
      style: { fill, stroke, lineWidth: 1 },
    }),
    tooltip: names ? { formatter: (p) => String((p as { name?: string }).name ?? '') } : { show: false },
  };
}

interface Layers {
  layers: GridLayers;
  view: MapView | undefined;
  units: UnitGridFeature[];
  highlightGrid?: string | null | undefined;
  markers: CaseMarker[];
  picked?: LngLat | undefined;
}

/** The layers over the base: community outlines, unit grids (one highlighted), case markers, the picked point. */
export function layerOption({ layers, view, units, highlightGrid, markers, picked }: Layers): MapOption {
  const series: Array<CustomSeriesOption | ScatterSeriesOption> = [];
  if (view?.communities) series.push(outlines('communities', layers.communities, 'rgba(84,110,150,0.55)', 'transparent'));
  if (view?.units && units.length > 0) {
    const rings = units.map((u) => u.geometry.coordinates[0] ?? []);
    series.push(outlines('units', rings, 'rgba(22,119,255,0.35)', 'rgba(22,119,255,0.02)', units.map((u) => `${u.properties.name} ${u.properties.code}`)));
    const hit = units.find((u) => u.properties.code === highlightGrid);
    if (hit) series.push(outlines('highlight', [hit.geometry.coordinates[0] ?? []], '#fa541c', 'rgba(250,84,28,0.18)'));
  }
  series.push({
    type: 'scatter',
    id: 'cases',
    coordinateSystem: 'geo',
    z: 5,
    symbolSize: 12,
    data: markers.map((m) => ({ name: m.title, value: [m.lng, m.lat], itemStyle: { color: stateColour(m.state), borderColor: '#fff', borderWidth: 1.5 } })),
    tooltip: { formatter: (p) => String((p as { name?: string }).name ?? '') },
  });
  series.push({
    type: 'scatter',
    id: 'picked',
    coordinateSystem: 'geo',
    z: 6,
    silent: true,
    symbol: 'pin',
    symbolSize: 34,
    symbolOffset: [0, '-40%'],
    itemStyle: { color: '#f5222d' },
    data: picked ? [[picked.lng, picked.lat]] : [],
  });
  // towns are labelled when zoomed out, the small urban streets once zoomed in, nothing among unit grids
  const regions = layers.streetNames.map((name) => ({ name, label: { show: Boolean(view?.communities && !view.units) } }));
  return { geo: { map: layers.mapName, label: { show: !view?.units }, regions }, series };
}
