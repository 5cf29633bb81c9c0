import { Card, Col, Row, Statistic } from 'antd';
import { AsyncView } from '../components/AsyncView';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { kindLabel, ORG_KINDS } from '../orgs/kinds';
import { countByKind } from '../orgs/stats';
import { InboxCard } from './inbox/InboxCard';

/** `/work`: the unified inbox (待办事项), then organisation counts by kind. */
export function WorkHome() {
  const { t } = useI18n();
  const orgs = useOrgs();
  return (
    <div className="work-stack">
      <InboxCard />
      <Card title={t('work.home.statsTitle')} data-testid="work-stats" size="small">
        <AsyncView state={orgs}>
          {(list) => {
            const counts = countByKind(list);
            return (
              <Row gutter={[16, 16]}>
                <Col xs={12} sm={8} lg={6} xl={3}>
                  <Statistic title={t('work.home.total')} value={list.length} />
                </Col>
                {ORG_KINDS.map((kind) => (
                  <Col key={kind} xs={12} sm={8} lg={6} xl={3}>
                    <Statistic title={kindLabel(t, kind)} value={counts[kind]} />
                  </Col>
                ))}
              </Row>
            );
          }}
        </AsyncView>
      </Card>
    </div>
  );
}
