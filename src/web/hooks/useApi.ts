import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbort, problemOf, type Problem } from '../api/problem';

export interface ApiState<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` on mount and whenever `deps` change (or `reload` is called),
 * aborting the previous request; exposes loading and error states.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T>();
  const [problem, setProblem] = useState<Problem>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setProblem(undefined);
    load(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setData(undefined);
        setProblem(problemOf(error));
        setLoading(false);
      });
    return () => controller.abort();
    // `load` is expected to change only with `deps`.
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, problem, loading, reload };
}
