import type { ScatterSeriesOption } from 'echarts/charts';
import { Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useGridLayers } from '../../cases/gridLayers';
import { createMapChart, type MapChart } from '../../cases/mapCharts';
import { baseOption } from '../../cases/mapOption';
import { fitView } from './fitView';

/** A device on the map: coloured by its worst open alarm, else by its state. */
export interface DeviceMarker {
  id: string;
  lng: number;
  lat: number;
  colour: string;
  /** drawn larger and on top */
  alarmed: boolean;
  title: string;
}

interface Props {
  label: string;
  markers: DeviceMarker[];
  onMarkerClick?: (marker: DeviceMarker) => void;
  height?: number;
  testId?: string;
}

/**
 * 设备地图: the same street/town base as the case maps (our own GeoJSON, no tiles), devices as
 * points; alarmed devices larger and outlined, drawn over the quiet ones.
 */
export function DeviceMap({ label, markers, onMarkerClick, height = 480, testId = 'device-map' }: Props) {
  const layers = useGridLayers();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<MapChart>();
  const handlers = useRef({ onMarkerClick, markers });
  // the map is fitted to the devices once; after that the person's own panning and zooming stay
  const fitted = useRef(false);
  handlers.current = { onMarkerClick, markers };

  useEffect(() => {
    const el = element.current;
    if (!layers || !el) return undefined;
    const c = createMapChart(el);
    chart.current = c;
    fitted.current = false;
    c.setOption(baseOption(layers));
    c.on('click', (params) => {
      const marker = params.seriesId === 'devices' ? handlers.current.markers[params.dataIndex] : undefined;
      if (marker) handlers.current.onMarkerClick?.(marker);
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, [layers]);

  useEffect(() => {
    if (!chart.current || !layers) return;
    // alarmed devices last, so they are drawn over the quiet ones
    const ordered = [...markers.filter((m) => !m.alarmed), ...markers.filter((m) => m.alarmed)];
    handlers.current.markers = ordered;
    const series: ScatterSeriesOption = {
      type: 'scatter',
      id: 'devices',
      coordinateSystem: 'geo',
      z: 5,
      data: ordered.map((m) => ({
        name: m.title,
        value: [m.lng, m.lat],
        symbolSize: m.alarmed ? 16 : 10,
        itemStyle: { color: m.colour, borderColor: m.alarmed ? '#000' : '#fff', borderWidth: m.alarmed ? 2 : 1.5 },
      })),
      tooltip: { formatter: (p) => String((p as { name?: string }).name ?? '') },
    };
    const view = fitted.current ? null : fitView(markers);
    if (view) fitted.current = true;
    chart.current.setOption({ ...(view ? { geo: view } : {}), series: [series] }, { replaceMerge: ['series'] });
  }, [layers, markers]);

  return (
    <div className="case-map" style={{ height }} data-testid={testId} data-ready={layers ? 'true' : 'false'} data-markers={markers.length}>
      <div ref={element} className="case-map-canvas" role="img" aria-label={label} />
      {!layers && <Spin className="case-map-spin" />}
    </div>
  );
}
