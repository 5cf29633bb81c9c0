import { Card, message } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { fetchProcess } from '../api/workflow';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { NotFound } from '../components/NotFound';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { ProcessPanel } from '../workflow/ProcessPanel';
import { useTicketAccess } from './access';
import { fetchTicket } from './api';
import { TicketFacts } from './TicketFacts';
import { ChaseCard, DispatchCard, PublicationCard, ReplyCard } from './TicketCards';
import './interaction.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/interaction/:id`: the letter, the card for the step at hand (派单, 答复, 催办, 公开审核) and the process panel. */
export function TicketDetailPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <TicketPage key={id} id={id} /> : <NotFound />;
}

function TicketPage({ id }: { id: string }) {
  const { t } = useI18n();
  const access = useTicketAccess();
  const detail = useApi((signal) => fetchTicket(id, signal), [id]);
  const instanceId = detail.data?.instanceId;
  const process = useApi((signal) => (instanceId ? fetchProcess(instanceId, signal) : Promise.resolve(undefined)), [instanceId]);
  const [round, setRound] = useState(0);
  useDocumentTitle(detail.data ? `${detail.data.ticketNo} · ${t('interaction.detail.title')}` : t('interaction.detail.title'));
  const done = (notice: string) => {
    void message.success(notice);
    detail.reload();
    process.reload();
    setRound((n) => n + 1);
  };
  const can = (action: string) => Boolean(process.data?.actions.some((a) => a.key === action));
  return (
    <div className="work-stack" data-testid="ticket-detail-page">
      <div>
        <ButtonLink to={access.list ? '/work/interaction' : '/work'} data-testid="ticket-back">
          ‹ {access.list ? t('interaction.detail.back') : t('interaction.detail.backInbox')}
        </ButtonLink>
      </div>
      <AsyncView state={detail}>
        {(d) => (
          <>
            <Card title={t('interaction.detail.facts')}>
              <TicketFacts detail={d} />
            </Card>
            {can('dispatch') && <DispatchCard key={`dispatch-${round}`} detail={d} onDone={done} />}
            {can('reply') && <ReplyCard key={`reply-${round}`} detail={d} onDone={done} />}
            <ChaseCard key={`chase-${round}`} detail={d} canChase={access.centre && (d.status === 'to_sign' || d.status === 'handling')} onDone={done} />
            {access.centre && d.status === 'closed' && d.publicWish && d.publication === null && <PublicationCard key={`pub-${round}`} detail={d} onDone={done} />}
            {/* leaders who read every ticket but take no part in it have no panel (the engine shows it to those involved) */}
            {process.data && <ProcessPanel key={`panel-${round}`} instanceId={d.instanceId} onDone={done} />}
          </>
        )}
      </AsyncView>
    </div>
  );
}
