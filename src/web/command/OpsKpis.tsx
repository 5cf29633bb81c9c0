import { useI18n } from '../i18n';
import { openTotal, type CaseStats } from './stats';

interface Tile {
  key: string;
  label: string;
  value: string | number;
  hint?: string;
  alert?: boolean;
}

/** Headline figures: today's flow, what is open now, overdue steps (red when any), inspectors' share. */
export function OpsKpis({ stats }: { stats: CaseStats }) {
  const { t } = useI18n();
  const { today } = stats;
  const share = today.reported > 0 ? `${Math.round((today.byInspectors / today.reported) * 100)}%` : '—';
  const tiles: Tile[] = [
    { key: 'reported', label: t('command.ops.kpi.reported'), value: today.reported },
    { key: 'filed', label: t('command.ops.kpi.filed'), value: today.filed },
    { key: 'closed', label: t('command.ops.kpi.closed'), value: today.closed },
    { key: 'open', label: t('command.ops.kpi.open'), value: openTotal(stats.open) },
    { key: 'overdue', label: t('command.ops.kpi.overdue'), value: stats.overdueSteps, alert: stats.overdueSteps > 0 },
    {
      key: 'by-inspectors',
      label: t('command.ops.kpi.byInspectors'),
      value: share,
      hint: t('command.ops.kpi.byInspectorsHint', { count: today.byInspectors, total: today.reported }),
    },
  ];
  return (
    <ul className="command-kpis" data-testid="ops-kpis" aria-label={t('command.ops.kpis')}>
      {tiles.map((tile) => (
        <li
          key={tile.key}
          className={tile.alert ? 'command-kpi command-kpi-alert' : 'command-kpi'}
          data-testid={`kpi-${tile.key}`}
          data-value={typeof tile.value === 'number' ? tile.value : undefined}
          title={tile.hint}
        >
          <strong className="command-kpi-value">{tile.value}</strong>
          <span className="command-kpi-label">{tile.label}</span>
        </li>
      ))}
    </ul>
  );
}
