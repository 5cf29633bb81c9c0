import { Card, Descriptions, message } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fetchProcess } from '../api/workflow';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { NotFound } from '../components/NotFound';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useI18n, type MessageKey } from '../i18n';
import { ProcessPanel } from '../workflow/ProcessPanel';
import { AnswerCard } from './AnswerCard';
import { fetchRequest } from './api';
import { RequestStatus } from './labels';
import { RequestAnswer } from './RequestAnswer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/disclosure/requests/:id`: the request, the answer form when it is the reader's turn, the process panel. */
export function RequestPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <Request key={id} id={id} /> : <NotFound />;
}

function Request({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const detail = useApi((signal) => fetchRequest(id, signal), [id]);
  const instanceId = detail.data?.instanceId;
  const process = useApi((signal) => (instanceId ? fetchProcess(instanceId, signal) : Promise.resolve(undefined)), [instanceId]);
  const [round, setRound] = useState(0);
  const done = (notice: string) => {
    void message.success(notice);
    detail.reload();
    process.reload();
    setRound((n) => n + 1);
  };
  const canAnswer = Boolean(process.data?.actions.some((a) => a.key === 'answer'));
  return (
    <div className="work-stack" data-testid="request-page">
      <div>
        <ButtonLink to="/work/disclosure/requests">‹ {t('disclosure.request.back')}</ButtonLink>
      </div>
      <AsyncView state={detail}>
        {(d) => (
          <>
            <Card title={d.requestNo} extra={<RequestStatus status={d.status} testId="request-status" />}>
              <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
                <Descriptions.Item label={t('disclosure.request.applicant')}>{d.applicant}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.apply.org')}>{d.org}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.request.submittedAt')}>{formatDateTime(d.submittedAt, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.request.dueAt')}>{d.dueAt ? formatDateTime(d.dueAt, lang) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.request.delivery')}>{t(`disclosure.apply.delivery.${d.delivery}` as MessageKey)}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.request.contact')}>{d.contact ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('disclosure.apply.description')} span={2}>
                  <div style={{ whiteSpace: 'pre-wrap' }} data-testid="request-description">{d.description}</div>
                </Descriptions.Item>
                <Descriptions.Item label={t('disclosure.request.purpose')} span={2}>{d.purpose}</Descriptions.Item>
              </Descriptions>
              {d.status === 'answered' && <RequestAnswer key={`answer-${round}`} id={d.id} />}
            </Card>
            {canAnswer && <AnswerCard key={`answer-form-${round}`} instanceId={d.instanceId} onDone={done} />}
            {process.data && <ProcessPanel key={`panel-${round}`} instanceId={d.instanceId} onDone={done} />}
          </>
        )}
      </AsyncView>
    </div>
  );
}
