import { Card, Col, Row, Statistic, Typography } from 'antd';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { kindLabel, ORG_KINDS } from '../orgs/kinds';
import { countByKind } from '../orgs/stats';

/** `/work`: welcome card and organisation counts by kind. */
export function WorkHome() {
  const { t } = useI18n();
  const orgs = useOrgs();
  return (
    <div className="work-stack">
      <Card data-testid="work-welcome">
        <Typography.Title level={3} className="work-welcome-title">
          {t('work.home.welcomeTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('work.home.welcomeBody')}</Typography.Paragraph>
        <ButtonLink type="primary" to="/work/orgs">
          {t('work.home.viewOrgs')}
        </ButtonLink>
      </Card>
      <Card title={t('work.home.statsTitle')} data-testid="work-stats">
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
