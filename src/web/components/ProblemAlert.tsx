import { Alert, Button } from 'antd';
import type { Problem } from '../api/problem';
import { fieldErrorLines, problemText } from '../api/problemText';
import { useI18n } from '../i18n';

interface Props {
  problem: Problem;
  onRetry?: () => void;
}

/** Inline error box with the server's message in the current language. */
export function ProblemAlert({ problem, onRetry }: Props) {
  const { lang, t } = useI18n();
  const lines = fieldErrorLines(problem, lang);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={problemText(problem, lang, t)}
      description={
        lines.length > 0 ? (
          <>
            {t('error.fields')}
            <ul className="problem-fields">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
