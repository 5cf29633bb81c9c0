import { Card, Descriptions, Space, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { fetchProcess } from '../../api/workflow';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { NotFound } from '../../components/NotFound';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useSharingAccess } from '../access';
import { fetchRequest } from '../api';
import { itemList, RequestStatusTag } from '../labels';
import { ComplianceCard } from './ComplianceCard';
import { DecisionCard } from './DecisionCard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/sharing/requests/:id`: the request's facts and status, and the step the user may take on it. */
export function RequestPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <Request key={id} id={id} /> : <NotFound />;
}

function Request({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const can = useSharingAccess();
  const [round, setRound] = useState(0);
  const detail = useApi(async (signal) => {
    const request = await fetchRequest(id, signal);
    // the process says whether this user works on the open step (holding the permission is not enough:
    // compliance is the data authority's, the decision the provider's)
    const panel = request.instanceId ? await fetchProcess(request.instanceId, signal).catch(() => null) : null;
    return { request, actions: new Set((panel?.actions ?? []).map((a) => a.key)) };
  }, [id, round]);
  useDocumentTitle(`${t('sharing.form.title')} ${detail.data?.request.number ?? ''}`);
  const done = (notice: string) => {
    void message.success(notice);
    setRound((n) => n + 1);
  };
  const fail = (error: unknown) => void message.error(problemText(problemOf(error), lang, t));
  return (
    <div className="work-stack" data-testid="sharing-request-page">
      <div><ButtonLink to="/work/sharing/requests">‹ {t('sharing.request.back')}</ButtonLink></div>
      <AsyncView state={detail}>
        {({ request: r, actions }) => (
          <>
            <Card
              title={<Space wrap>{`${t('sharing.form.title')} ${r.number}`}<RequestStatusTag status={r.status} /></Space>}
              extra={r.instanceId && <Link to={`/work/process/${r.instanceId}`} data-testid="sharing-request-process">{t('sharing.request.history')}</Link>}
            >
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label={t('sharing.common.resource')}>{r.resource.name}（{r.resource.code}）</Descriptions.Item>
                <Descriptions.Item label={t('sharing.common.provider')}>{r.providerName}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.common.consumer')}>{r.consumerName}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.common.system')}>{r.system.name}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.common.items')} span={2}><span data-testid="sharing-request-fields">{itemList(r.fields)}</span></Descriptions.Item>
                <Descriptions.Item label={t('sharing.request.purpose')} span={2}>{r.purpose}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.request.legalBasis')} span={2}>{r.legalBasis}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.common.period')}>{r.periodFrom} ~ {r.periodTo}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.requests.createdAt')}>{formatDateTime(r.createdAt, lang)}</Descriptions.Item>
                {r.decidedAt && <Descriptions.Item label={t('sharing.request.decidedAt')}>{formatDateTime(r.decidedAt, lang)}</Descriptions.Item>}
                {r.refusedBy && <Descriptions.Item label={t('sharing.common.status')}>{t(`sharing.request.refusedBy.${r.refusedBy}`)}</Descriptions.Item>}
                {r.reason && <Descriptions.Item label={t('sharing.request.opinion')} span={2}><span data-testid="sharing-request-reason">{r.reason}</span></Descriptions.Item>}
                {r.grantId && (
                  <Descriptions.Item label={t('sharing.tab.grants')} span={2}>
                    <Link to="/work/sharing/grants" data-testid="sharing-request-grant">{t('sharing.request.grant')}</Link>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            {r.status === 'compliance' && can.compliance && actions.has('pass') && (
              <ComplianceCard request={r} onDone={done} onError={fail} />
            )}
            {r.status === 'provider' && can.decide && actions.has('grant') && (
              <DecisionCard request={r} onDone={done} onError={fail} />
            )}
          </>
        )}
      </AsyncView>
    </div>
  );
}
