import { useCallback, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';

export interface Call {
  busy: boolean;
  problem: Problem | undefined;
  clear: () => void;
  /** Shows a problem that came from elsewhere (e.g. an upload). */
  report: (problem: Problem) => void;
  /** Runs `call`; on failure keeps its problem document for a ProblemAlert. Resolves to whether it went through. */
  run: (call: () => Promise<unknown>) => Promise<boolean>;
}

/** Busy flag and server problem of one button or dialog that calls the API. */
export function useCall(): Call {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const clear = useCallback(() => setProblem(undefined), []);
  const report = useCallback((p: Problem) => setProblem(p), []);
  const run = useCallback(async (call: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await call();
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, clear, report, run };
}
