import { formatDateTime } from '../format';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n';

/** Current Beijing time (Asia/Shanghai), ticking every second. */
export function LiveClock() {
  const { lang, t } = useI18n();
  const now = useNow(1000);
  return (
    <p className="command-clock" data-testid="command-clock">
      <span className="command-clock-label">{t('command.clockLabel')}</span>
      <time dateTime={now.toISOString()}>{formatDateTime(now, lang)}</time>
    </p>
  );
}
