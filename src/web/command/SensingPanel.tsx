import { useMemo } from 'react';
import { useCan } from '../auth';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n';
import { fetchAlarms } from '../iot/api';
import { kindLabel, SEVERITIES, severityColour, severityLabel } from '../iot/labels';
import { usePolled } from '../iot/usePolled';
import { sinceReported } from './LatestCases';
import { Panel } from './Panel';
import '../iot/sensing-panel.css';

/** How many of the newest open alarms the panel lists. */
const NEWEST = 5;

/** 感知告警 on the command screen (iot:read): open alarms by severity and the newest five, refreshed every 10 s. */
export function SensingPanel() {
  return useCan('iot:read') ? <SensingAlarms /> : null;
}

function SensingAlarms() {
  const { t } = useI18n();
  const now = useNow(30_000).getTime();
  const alarms = usePolled((signal) => fetchAlarms({ state: 'open', limit: 1000 }, signal), [], 10_000);
  const items = useMemo(() => alarms.data ?? [], [alarms.data]);
  const counts = useMemo(() => new Map(SEVERITIES.map((s) => [s, items.filter((a) => a.severity === s).length])), [items]);
  const newest = useMemo(() => [...items].sort((a, b) => b.openedAt.localeCompare(a.openedAt)).slice(0, NEWEST), [items]);
  return (
    <Panel area="sensing" title={t('iot.panel.title')} testId="panel-sensing" extra={<span className="ops-count" data-testid="sensing-open">{items.length}</span>}>
      <div className="sensing-panel">
        <ul className="sensing-counts">
          {SEVERITIES.map((s) => (
            <li key={s} style={{ borderColor: severityColour(s) }} data-testid={`sensing-count-${s}`} data-count={counts.get(s) ?? 0}>
              <strong style={{ color: severityColour(s) }}>{counts.get(s) ?? 0}</strong>
              <span>{severityLabel(t, s)}</span>
            </li>
          ))}
        </ul>
        {newest.length === 0 ? (
          <p className="ops-empty">{alarms.data ? t('iot.panel.none') : alarms.problem ? t('iot.panel.failed') : t('common.loading')}</p>
        ) : (
          <ol className="sensing-newest" data-testid="sensing-newest">
            {newest.map((a) => (
              <li key={a.id} style={{ borderLeftColor: severityColour(a.severity) }}>
                <a href={`/work/iot/devices/${encodeURIComponent(a.deviceId)}`} target="_blank" rel="noopener noreferrer">
                  <span className="sensing-device">{a.deviceName}</span>
                  <span className="sensing-kind">
                    {severityLabel(t, a.severity)} · {kindLabel(t, a.kind)}
                    {a.ruleName ? ` · ${a.ruleName}` : ''}
                  </span>
                  <time dateTime={a.openedAt}>{sinceReported(t, a.openedAt, now)}</time>
                </a>
              </li>
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}
