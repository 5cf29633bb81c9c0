import { useI18n } from '../i18n';
import { timeOfDay } from './stats';
import type { LiveStats } from './useCaseStats';

/** When the figures were last updated, and whether a refresh is running, paused (tab hidden) or failed. */
export function UpdateStatus({ live }: { live: LiveStats }) {
  const { lang, t } = useI18n();
  const at = live.data?.at;
  const state = live.paused ? 'paused' : live.loading ? 'loading' : live.problem ? 'error' : 'ok';
  let text = at ? `${t('command.ops.updatedAt', { time: timeOfDay(at, lang) })} · ${t('command.ops.every')}` : '';
  if (state === 'paused') text = t('command.ops.paused');
  if (state === 'loading') text = at ? `${t('command.ops.updatedAt', { time: timeOfDay(at, lang) })} · ${t('command.ops.refreshing')}` : t('command.ops.refreshing');
  if (state === 'error' && at) text = t('command.ops.failed', { time: timeOfDay(at, lang) });
  return (
    <p className={`ops-status ops-status-${state}`} data-testid="command-updated" data-state={state} data-at={at ?? ''} role={state === 'error' ? 'alert' : undefined}>
      <span className="ops-status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
