import { KindTag } from '../components/KindTag';
import { useI18n } from '../i18n';
import type { GrassrootsCount } from '../orgs/stats';

/** The streets and towns, each with its communities and villages. */
export function UnitList({ rows }: { rows: readonly GrassrootsCount[] }) {
  const { t } = useI18n();
  return (
    <ol className="command-units" data-testid="command-units">
      {rows.map((row, i) => (
        <li key={row.unit.id} className="command-unit">
          <span className="command-unit-no">{String(i + 1).padStart(2, '0')}</span>
          <span className="command-unit-name">{row.unit.name}</span>
          <KindTag kind={row.unit.kind} />
          <span className="command-unit-detail">
            {t('command.list.detail', { communities: row.communities, villages: row.villages })}
          </span>
        </li>
      ))}
    </ol>
  );
}
