import { Button, Result, Spin } from 'antd';
import { useMemo } from 'react';
import { problemText } from '../api/problemText';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { LatestCases } from './LatestCases';
import { OpenByStateChart } from './OpenByStateChart';
import { OpsKpis } from './OpsKpis';
import { OpsMap } from './OpsMap';
import { Panel } from './Panel';
import { SensingPanel } from './SensingPanel';
import { STREET_LIMIT, StreetChart } from './StreetChart';
import { TopClassesChart } from './TopClassesChart';
import { UpdateStatus } from './UpdateStatus';
import { useCaseStats } from './useCaseStats';

/** 城市运行态势: today's figures, the open cases on the map, charts and the latest cases, refreshed every 30 s. */
export function OpsBoard() {
  const { lang, t } = useI18n();
  const live = useCaseStats(true);
  const orgs = useOrgs();
  const streetNames = useMemo(
    () => new Map((orgs.data ?? []).filter((o) => o.kind === 'street' || o.kind === 'town').map((o) => [o.code, o.name])),
    [orgs.data],
  );
  const { data } = live;
  const empty = <p className="ops-empty">{t('command.ops.noData')}</p>;
  const streetTitle = data && data.byStreet.length > STREET_LIMIT ? t('command.ops.byStreetTop', { count: STREET_LIMIT }) : t('command.ops.byStreet');
  return (
    <div className="ops-board" data-testid="command-ops" aria-busy={live.loading}>
      <div className="ops-bar">
        <h2 className="ops-heading">{t('command.ops.heading')}</h2>
        <UpdateStatus live={live} />
      </div>
      {!data && live.problem && (
        <Result
          status="error"
          title={t('command.ops.loadFailed')}
          subTitle={problemText(live.problem, lang, t)}
          extra={<Button type="primary" onClick={live.reload}>{t('common.retry')}</Button>}
        />
      )}
      {!data && !live.problem && <Spin size="large" className="ops-spin" />}
      {data && (
        <>
          <OpsKpis stats={data} />
          <div className="ops-grid">
            <Panel area="state" title={t('command.ops.openByState')} testId="panel-open-by-state">
              <OpenByStateChart open={data.open} />
            </Panel>
            <Panel area="classes" title={t('command.ops.topClasses')} testId="panel-top-classes">
              {data.topClasses.length > 0 ? <TopClassesChart rows={data.topClasses} /> : empty}
            </Panel>
            <Panel area="map" title={t('command.ops.map')} testId="panel-map" extra={<span className="ops-count">{data.recent.length}</span>}>
              <OpsMap cases={data.recent} />
            </Panel>
            <Panel area="streets" title={streetTitle} testId="panel-by-street">
              {data.byStreet.length > 0 ? <StreetChart rows={data.byStreet} names={streetNames} label={streetTitle} /> : empty}
            </Panel>
            <Panel area="latest" title={t('command.ops.latest')} testId="panel-latest">
              <LatestCases cases={data.recent} />
            </Panel>
          </div>
          <SensingPanel />
        </>
      )}
    </div>
  );
}
