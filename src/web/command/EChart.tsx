import { useEffect, useRef } from 'react';
import { createChart, type Chart, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** Accessible description of the chart. */
  label: string;
  className?: string;
  testId?: string;
  /** merge new options into the chart (bars move to their new values) instead of redrawing it: for live figures */
  merge?: boolean;
}

/** An ECharts canvas that follows its container's size (window resizes, layout changes). */
export function EChart({ option, label, className, testId, merge = false }: Props) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart>();

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return undefined;
    const chart = createChart(element);
    chartRef.current = chart;
    let frame = 0;
    const resize = () => {
      window.cancelAnimationFrame(frame);
      frame = window.requestAnimationFrame(() => chart.resize());
    };
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    window.addEventListener('resize', resize);
    return () => {
      window.cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, merge ? { replaceMerge: ['series'] } : { notMerge: true });
  }, [option, merge]);

  return <div ref={elementRef} className={className} role="img" aria-label={label} data-testid={testId} />;
}
