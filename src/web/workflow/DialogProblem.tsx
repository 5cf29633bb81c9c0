import type { Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';

/** The server's problem document above a dialog's form. */
export function DialogProblem({ problem, testId }: { problem: Problem | undefined; testId: string }) {
  if (!problem) return null;
  return (
    <div className="work-form-error" data-testid={testId}>
      <ProblemAlert problem={problem} />
    </div>
  );
}
