import { useEffect, useRef, type DependencyList } from 'react';
import { useApi, type ApiState } from '../hooks/useApi';

/**
 * `useApi` that loads again every `intervalMs` (live consoles and charts): the last good data stays
 * shown while the next request runs, so nothing flickers. Paused while the tab is hidden; a tick
 * while the previous request is still out is skipped (a slow network is not flooded or starved).
 */
export function usePolled<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList, intervalMs: number): ApiState<T> {
  const state = useApi(load, deps);
  const { reload } = state;
  const loading = useRef(state.loading);
  loading.current = state.loading;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden' && !loading.current) reload();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [reload, intervalMs]);
  return state;
}
