import { Card, Descriptions, Tag, message } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { NotFound } from '../components/NotFound';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { ProcessPanel } from '../workflow/ProcessPanel';
import { fetchObjection } from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const colour: Record<string, string> = { open: 'processing', accepted: 'success', rejected: 'default' };

/** `/work/registry/objections/:id`: the objection (field, proposed value, reason) and its process panel. */
export function ObjectionPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <Objection key={id} id={id} /> : <NotFound />;
}

function Objection({ id }: { id: string }) {
  const { lang, t } = useI18n();
  useDocumentTitle(t('registry.objectionDetail'));
  const detail = useApi((signal) => fetchObjection(id, signal), [id]);
  const [round, setRound] = useState(0);
  return (
    <div className="work-stack" data-testid="registry-objection-page">
      <AsyncView state={detail}>
        {(o) => (
          <>
            <Card title={`${t('registry.objectionDetail')} ${o.objectionNo}`} extra={<ButtonLink to={`/work/registry/${o.register}/${o.recordId}`}>{t('registry.toRecord')}</ButtonLink>}>
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t('registry.objectionField')}>{o.fieldLabel[lang]}</Descriptions.Item>
                <Descriptions.Item label={t('registry.proposed')}>{o.proposedValue}</Descriptions.Item>
                <Descriptions.Item label={t('registry.objectionReason')}>{o.reason}</Descriptions.Item>
                <Descriptions.Item label={t('registry.decision')}>
                  <Tag color={colour[o.status]} data-testid="registry-objection-status">
                    {t(`registry.objectionStatus.${o.status as 'open'}`)}
                  </Tag>
                  {o.decisionNote}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <ProcessPanel
              key={`panel-${round}`}
              instanceId={o.instanceId}
              onDone={(notice) => {
                void message.success(notice);
                detail.reload();
                setRound((n) => n + 1);
              }}
            />
          </>
        )}
      </AsyncView>
    </div>
  );
}
