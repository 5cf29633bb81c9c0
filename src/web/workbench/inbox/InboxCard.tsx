import { Card } from 'antd';
import { useEffect, useState } from 'react';
import { fetchInbox, type Colour, type Inbox } from '../../api/workflow';
import { ButtonLink } from '../../components/ButtonLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { COLOUR_LABEL } from '../../workflow/due';
import { InboxCounts } from './InboxCounts';
import { InboxList } from './InboxList';
import '../../workflow/workflow.css';

/** 待办事项: everything waiting for me across modules, counted by deadline colour; the colours filter. */
export function InboxCard() {
  const { t } = useI18n();
  const [colour, setColour] = useState<Colour>();
  const inbox = useApi<Inbox>((signal) => fetchInbox(colour ? { colour } : {}, signal), [colour]);
  // Keep the last counts while a filtered list loads.
  const [counts, setCounts] = useState<Inbox['counts']>();
  useEffect(() => {
    if (inbox.data) setCounts(inbox.data.counts);
  }, [inbox.data]);

  return (
    <Card
      title={t('inbox.title')}
      extra={
        <ButtonLink type="link" to="/work/requests/new" data-testid="inbox-new-request">
          {t('inbox.newRequest')}
        </ButtonLink>
      }
      data-testid="inbox"
      data-loading={inbox.loading ? 'true' : 'false'}
    >
      <InboxCounts counts={counts} active={colour} onPick={setColour} />
      {inbox.problem ? (
        <ProblemAlert problem={inbox.problem} onRetry={inbox.reload} />
      ) : (
        <InboxList
          items={inbox.data?.items ?? []}
          loading={inbox.loading}
          emptyText={colour ? t('inbox.emptyColour', { colour: t(COLOUR_LABEL[colour]) }) : t('inbox.empty')}
        />
      )}
    </Card>
  );
}
