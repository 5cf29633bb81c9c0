import type { Lang, Translate } from '../i18n';
import { NETWORK_STATUS, type FieldError, type Problem } from './problem';

/** The message to show for a problem, in the current language. */
export function problemText(problem: Problem, lang: Lang, t: Translate): string {
  const fromServer = problem.message?.[lang];
  if (fromServer) return fromServer;
  if (problem.status === NETWORK_STATUS) return t('error.network');
  // Without a localized message, the server's English detail is only useful to English readers.
  if (lang === 'en' && problem.detail) return problem.detail;
  return t('error.generic', { status: problem.status });
}

/** One line per invalid field: "field: message", message in the current language. */
export function fieldErrorLines(problem: Problem, lang: Lang): string[] {
  return (problem.errors ?? []).map((error: FieldError) => {
    const message = typeof error.message === 'string' ? error.message : error.message[lang];
    return error.field ? `${error.field}: ${message}` : message;
  });
}
