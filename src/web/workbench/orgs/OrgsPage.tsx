import { Card, Col, Empty, Row, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import { useOrgIndex } from '../../orgs/useOrgIndex';
import { OrgDetail } from './OrgDetail';
import { orgHref } from './orgHref';
import { OrgTree } from './OrgTree';

/** `/work/orgs`: tree on the left (top on phones), details of the selection on the right. */
export function OrgsPage() {
  const { t } = useI18n();
  const orgs = useOrgs();
  const index = useOrgIndex(orgs.data);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const detailRef = useRef<HTMLDivElement>(null);
  const userSelected = useRef(false);

  const selectedId = params.get('id') ?? index?.roots[0]?.id;

  // On phones the details sit below the tree: bring them into view after a pick.
  useEffect(() => {
    if (isPhone && userSelected.current) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    userSelected.current = false;
  }, [selectedId, isPhone]);

  const select = (id: string) => {
    userSelected.current = true;
    navigate(orgHref(id));
  };

  return (
    <Row gutter={[16, 16]} className="orgs-page">
      <Col xs={24} lg={10} xl={9}>
        <Card title={t('work.orgs.treeTitle')} data-testid="org-tree" className="orgs-card">
          <AsyncView state={orgs} isEmpty={(list) => list.length === 0}>
            {() => index && <OrgTree index={index} selectedId={selectedId} onSelect={select} />}
          </AsyncView>
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={15}>
        <div ref={detailRef} className="orgs-detail-anchor">
          <Card title={t('work.orgs.detailTitle')} data-testid="org-detail" className="orgs-card">
            {index && selectedId ? (
              <OrgDetail index={index} id={selectedId} />
            ) : orgs.loading ? (
              <Spin className="orgs-detail-spin" />
            ) : (
              <Empty description={t('work.orgs.selectHint')} />
            )}
          </Card>
        </div>
      </Col>
    </Row>
  );
}
