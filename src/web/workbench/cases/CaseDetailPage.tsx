import { Card, Col, Row, message } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fetchCase } from '../../api/cases';
import { fetchProcess } from '../../api/workflow';
import { CaseMap } from '../../cases/CaseMap';
import { PLACE_ZOOM, type CaseMarker } from '../../cases/mapOption';
import { PhotoGallery } from '../../cases/PhotoGallery';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { NotFound } from '../../components/NotFound';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { ProcessPanel } from '../../workflow/ProcessPanel';
import { useCaseAccess } from './access';
import { CaseFacts } from './CaseFacts';
import { DispatchForm } from './DispatchForm';
import { DuplicatesCard } from './DuplicatesCard';
import '../../cases/cases.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/cases/:id`: the case's facts, map and photos, the dispatch form or duplicates when it is their turn, and the process panel. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <CaseDetail key={id} id={id} /> : <NotFound />;
}

function CaseDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const access = useCaseAccess();
  const detail = useApi((signal) => fetchCase(id, signal), [id]);
  const instanceId = detail.data?.instanceId;
  const process = useApi((signal) => (instanceId ? fetchProcess(instanceId, signal) : Promise.resolve(undefined)), [instanceId]);
  const [round, setRound] = useState(0);
  useDocumentTitle(detail.data ? `${detail.data.caseNo} · ${t('cases.detail.title')}` : t('cases.detail.title'));

  const done = (notice: string) => {
    void message.success(notice);
    detail.reload();
    process.reload();
    setRound((n) => n + 1);
  };
  const can = (action: string) => Boolean(process.data?.actions.some((a) => a.key === action));

  return (
    <div className="work-stack" data-testid="case-detail-page">
      <div>
        <ButtonLink to={access.read ? '/work/cases' : '/work'} data-testid="case-back">
          ‹ {access.read ? t('cases.detail.backToList') : t('wf.backToInbox')}
        </ButtonLink>
      </div>
      <AsyncView state={detail}>
        {(d) => {
          const marker: CaseMarker[] = [{ id: d.id, lng: d.lng, lat: d.lat, state: d.status, title: `${d.caseNo} ${d.class.name}` }];
          return (
            <>
              <Card title={t('cases.detail.facts')}>
                <CaseFacts detail={d} />
              </Card>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card title={t('cases.detail.location')}>
                    <CaseMap label={t('cases.detail.mapLabel')} markers={marker} focus={{ lng: d.lng, lat: d.lat, zoom: PLACE_ZOOM }} highlightGrid={d.unitGridCode} height={320} testId="case-detail-map" />
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card title={t('cases.detail.photos')} data-testid="case-photos">
                    <PhotoGallery detail={d} />
                  </Card>
                </Col>
              </Row>
              {d.status === 'to_dispatch' && can('dispatch') && <DispatchForm key={`dispatch-${round}`} detail={d} onDone={done} />}
              {can('merge') && <DuplicatesCard key={`dup-${round}`} detail={d} onDone={done} />}
              <ProcessPanel key={`panel-${round}`} instanceId={d.instanceId} onDone={done} />
            </>
          );
        }}
      </AsyncView>
    </div>
  );
}
