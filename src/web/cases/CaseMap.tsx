import { Spin, Tag, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useGridLayers } from './gridLayers';
import { createMapChart, type MapChart } from './mapCharts';
import { baseOption, layerOption, viewOf, type CaseMarker, type LngLat, type MapView } from './mapOption';
import { useUnitGrids } from './useUnitGrids';

interface Props {
  /** accessible description of the map */
  label: string;
  markers?: CaseMarker[];
  /** the chosen point (a pin) */
  picked?: LngLat | undefined;
  /** makes the map a picker: a click gives its longitude and latitude */
  onPick?: (point: LngLat) => void;
  onMarkerClick?: (marker: CaseMarker) => void;
  /** centre on a point (case detail), zoomed in */
  focus?: (LngLat & { zoom?: number }) | undefined;
  /** the unit grid to show highlighted */
  highlightGrid?: string | null | undefined;
  height?: number;
  testId?: string;
}

/**
 * 网格地图: streets and towns from the grid GeoJSON, community outlines when zoomed in, unit
 * grids for the visible box when zoomed in further, case markers coloured by state. No tiles.
 */
export function CaseMap({ label, markers = [], picked, onPick, onMarkerClick, focus, highlightGrid, height = 420, testId = 'case-map' }: Props) {
  const { t } = useI18n();
  const layers = useGridLayers();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<MapChart>();
  const [view, setView] = useState<MapView>();
  const units = useUnitGrids(view?.units ? view.bbox : null);
  const handlers = useRef({ onPick, onMarkerClick, markers });
  handlers.current = { onPick, onMarkerClick, markers };
  const focusKey = focus ? `${focus.lng},${focus.lat},${focus.zoom ?? ''}` : '';
  const measureRef = useRef<() => void>();

  useEffect(() => {
    const el = element.current;
    if (!layers || !el) return undefined;
    const c = createMapChart(el);
    chart.current = c;
    c.setOption(baseOption(layers, focus));
    let timer = 0;
    const measure = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const sw = c.convertFromPixel({ geoIndex: 0 }, [0, c.getHeight()]) as number[] | undefined;
        const ne = c.convertFromPixel({ geoIndex: 0 }, [c.getWidth(), 0]) as number[] | undefined;
        if (sw && ne && sw.every(Number.isFinite) && ne.every(Number.isFinite)) setView(viewOf([sw[0]!, sw[1]!, ne[0]!, ne[1]!], c.getWidth()));
      }, 250);
    };
    c.getZr().on('click', (e) => {
      const pick = handlers.current.onPick;
      if (!pick) return;
      const p = c.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) pick({ lng: round6(p[0]!), lat: round6(p[1]!) });
    });
    c.on('click', (params) => {
      const marker = params.seriesId === 'cases' ? handlers.current.markers[params.dataIndex] : undefined;
      if (marker) handlers.current.onMarkerClick?.(marker);
    });
    measureRef.current = measure;
    c.on('georoam', measure);
    const observer = new ResizeObserver(() => {
      c.resize();
      measure();
    });
    observer.observe(el);
    measure();
    return () => {
      window.clearTimeout(timer);
      measureRef.current = undefined;
      observer.disconnect();
      c.dispose();
      chart.current = undefined;
    };
    // the chart is made once per layer set; focus changes are applied below
  }, [layers]);

  useEffect(() => {
    if (!chart.current || !focus) return;
    chart.current.setOption({ geo: { center: [focus.lng, focus.lat], zoom: focus.zoom ?? 1 } });
    measureRef.current?.();
  }, [focusKey]);

  useEffect(() => {
    if (!chart.current || !layers) return;
    chart.current.setOption(layerOption({ layers, view, units, highlightGrid, markers, picked }), { replaceMerge: ['series'] });
  }, [layers, view, units, highlightGrid, markers, picked]);

  return (
    <div
      className="case-map"
      style={{ height }}
      data-testid={testId}
      data-ready={layers ? 'true' : 'false'}
      data-markers={markers.length}
      data-units={view?.units ? units.length : 0}
      data-demo={layers?.demo ? 'true' : 'false'}
    >
      <div ref={element} className="case-map-canvas" role="img" aria-label={label} />
      {!layers && <Spin className="case-map-spin" />}
      {layers?.demo && (
        <Tooltip title={layers.fallback ? t('cases.map.fallbackHint') : t('cases.map.demoHint')}>
          <Tag color="orange" className="case-map-demo" data-testid="map-demo">
            {layers.fallback ? t('cases.map.fallback') : t('cases.map.demo')}
          </Tag>
        </Tooltip>
      )}
      {onPick && <div className="case-map-hint">{t('cases.map.pickHint')}</div>}
    </div>
  );
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
