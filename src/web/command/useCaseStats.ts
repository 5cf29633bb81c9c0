import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, problemOf, type Problem } from '../api/problem';
import { fetchCaseStats, type CaseStats } from './stats';

/** How often the screen asks for fresh figures. */
export const REFRESH_MS = 30_000;

export interface LiveStats {
  /** the last figures received; kept on screen while refreshing and after a failed refresh */
  data: CaseStats | undefined;
  /** the last refresh failed */
  problem: Problem | undefined;
  loading: boolean;
  /** the tab is hidden: no requests until it is shown again */
  paused: boolean;
  reload: () => void;
}

/**
 * The command screen's figures, refreshed every 30 s without reloading the page. While the tab
 * is hidden nothing is asked; on coming back, stale figures are refreshed at once.
 */
export function useCaseStats(enabled: boolean): LiveStats {
  const [data, setData] = useState<CaseStats>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(enabled);
  const [paused, setPaused] = useState(false);
  const reloadRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!enabled) return undefined;
    let timer = 0;
    let last = 0;
    let controller: AbortController | undefined;
    const schedule = (ms: number) => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void load(), ms);
    };
    const load = async () => {
      window.clearTimeout(timer);
      if (document.hidden) {
        setPaused(true);
        return;
      }
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      setPaused(false);
      setLoading(true);
      try {
        const next = await fetchCaseStats(mine.signal);
        if (mine.signal.aborted) return;
        last = Date.now();
        setData(next);
        setProblem(undefined);
      } catch (error) {
        if (mine.signal.aborted || isAbort(error)) return;
        setProblem(problemOf(error));
      }
      setLoading(false);
      schedule(REFRESH_MS);
    };
    const onVisibility = () => {
      if (document.hidden) {
        window.clearTimeout(timer);
        setPaused(true);
        return;
      }
      setPaused(false);
      const age = Date.now() - last;
      if (age >= REFRESH_MS) void load();
      else schedule(REFRESH_MS - age);
    };
    reloadRef.current = () => void load();
    document.addEventListener('visibilitychange', onVisibility);
    void load();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearTimeout(timer);
      controller?.abort();
      reloadRef.current = () => undefined;
    };
  }, [enabled]);

  const reload = useCallback(() => reloadRef.current(), []);
  return { data, problem, loading, paused, reload };
}
