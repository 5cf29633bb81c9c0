import type { Series } from '../api';
import type { LineOption } from '../charts';

interface Labels {
  avg: string;
  band: string;
  unit: string;
}

const round = (v: number) => Math.round(v * 100) / 100;

// Beijing time on the axis and in the tooltip, whatever the viewer's device says (as formatDateTime does)
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit' });
const full = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Hours and minutes up to a day, with the date up to a week, the date alone beyond. */
function tickLabel(spanMs: number): (v: number) => string {
  if (spanMs <= 86_400_000) return (v) => clock.format(v);
  if (spanMs <= 7 * 86_400_000) return (v) => `${day.format(v)} ${clock.format(v)}`;
  return (v) => day.format(v);
}

/**
 * The chart of one quantity: the average as a line, min–max as a shaded band (drawn as the min
 * line, invisible, with max − min stacked on it and filled). With raw data min = max = avg and
 * the band is flat: only the line shows.
 */
export function seriesOption(series: Series, labels: Labels, from: number, to: number): LineOption {
  const points = series.points.map((p) => ({ t: new Date(p.t).getTime(), min: p.min, max: p.max, avg: p.avg }));
  const showSymbols = points.length <= 60;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 28, bottom: 28 },
    legend: { top: 0, right: 0, data: [labels.avg, labels.band] },
    tooltip: {
      trigger: 'axis',
      formatter: (raw) => {
        const list = Array.isArray(raw) ? raw : [raw];
        const i = list[0]?.dataIndex ?? 0;
        const p = points[i];
        if (!p) return '';
        const when = full.format(p.t);
        const band = p.min === p.max ? '' : `<br/>${labels.band}: ${round(p.min)} – ${round(p.max)} ${labels.unit}`;
        return `${when}<br/>${labels.avg}: ${round(p.avg)} ${labels.unit}${band}`;
      },
    },
    xAxis: { type: 'time', min: from, max: to, axisLabel: { hideOverlap: true, formatter: tickLabel(to - from) } },
    yAxis: { type: 'value', scale: true, name: labels.unit, nameGap: 8 },
    series: [
      { id: 'min', name: labels.band, type: 'line', stack: 'band', data: points.map((p) => [p.t, p.min]), lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      {
        id: 'band',
        name: labels.band,
        type: 'line',
        stack: 'band',
        data: points.map((p) => [p.t, p.max - p.min]),
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(22,119,255,0.18)' },
        symbol: 'none',
        silent: true,
      },
      { id: 'avg', name: labels.avg, type: 'line', data: points.map((p) => [p.t, p.avg]), showSymbol: showSymbols, symbolSize: 4, lineStyle: { width: 2, color: '#1677ff' }, itemStyle: { color: '#1677ff' } },
    ],
  };
}
