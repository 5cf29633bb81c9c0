import { useMemo } from 'react';
import type { Org } from '../api/orgs';
import { useI18n } from '../i18n';
import { OrgIndex } from '../orgs/OrgIndex';
import { countByKind, grassrootsByUnit } from '../orgs/stats';
import { GrassrootsChart } from './GrassrootsChart';
import { KindChart } from './KindChart';
import { KpiStrip } from './KpiStrip';
import { Panel } from './Panel';
import { UnitList } from './UnitList';

/** KPI strip and the three panels, computed from the organisation list. */
export function CommandBoard({ orgs }: { orgs: readonly Org[] }) {
  const { t } = useI18n();
  const counts = useMemo(() => countByKind(orgs), [orgs]);
  const units = useMemo(() => grassrootsByUnit(new OrgIndex(orgs)), [orgs]);
  return (
    <div className="command-board">
      <KpiStrip total={orgs.length} counts={counts} />
      <div className="command-grid">
        <Panel area="kind" title={t('command.chart.byKind')}>
          <KindChart counts={counts} />
        </Panel>
        <Panel area="grassroots" title={t('command.chart.grassroots')}>
          <GrassrootsChart rows={units} />
        </Panel>
        <Panel area="units" title={t('command.list.title', { count: units.length })}>
          <UnitList rows={units} />
        </Panel>
      </div>
    </div>
  );
}
