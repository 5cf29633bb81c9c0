import { useI18n } from '../i18n';
import { kindLabel } from '../orgs/kinds';
import type { KindCounts } from '../orgs/stats';

const KPI_KINDS = ['department', 'street', 'town', 'community', 'village'] as const;

/** Headline figures: total organisations and the count of each main kind. */
export function KpiStrip({ total, counts }: { total: number; counts: KindCounts }) {
  const { t } = useI18n();
  const tiles = [
    { key: 'total', label: t('command.kpi.total'), value: total },
    ...KPI_KINDS.map((kind) => ({ key: kind, label: kindLabel(t, kind), value: counts[kind] })),
  ];
  return (
    <ul className="command-kpis" data-testid="command-kpis">
      {tiles.map((tile) => (
        <li key={tile.key} className="command-kpi">
          <strong className="command-kpi-value">{tile.value}</strong>
          <span className="command-kpi-label">{tile.label}</span>
        </li>
      ))}
    </ul>
  );
}
