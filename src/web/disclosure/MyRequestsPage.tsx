import { Card, Space } from 'antd';
import { AsyncView } from '../components/AsyncView';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { fetchMyRequests, type RequestItem } from './api';
import { DisclosureShell } from './DisclosureShell';
import { RequestStatus } from './labels';
import { RequestAnswer } from './RequestAnswer';

/** `/me/disclosure` (signed in): my requests, their state and the answer. */
export function MyRequestsPage() {
  const { t } = useI18n();
  const mine = useApi(fetchMyRequests, []);
  return (
    <DisclosureShell title={t('disclosure.nav.mine')} signedIn testId="disclosure-mine-page">
      <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('disclosure.mine.empty')}>
        {(items) => items.map((r) => <RequestCard key={r.id} item={r} />)}
      </AsyncView>
    </DisclosureShell>
  );
}

function RequestCard({ item }: { item: RequestItem }) {
  const { lang } = useI18n();
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={item.requestNo} extra={<RequestStatus status={item.status} testId={`disclosure-mine-state-${item.requestNo}`} />}>
      <Space wrap className="disclosure-meta">
        <span>{item.org}</span>
        <span>{formatDateTime(item.submittedAt, lang)}</span>
      </Space>
      <p style={{ marginTop: 8 }}>{item.description}</p>
      {item.status === 'answered' && <RequestAnswer id={item.id} />}
    </Card>
  );
}
