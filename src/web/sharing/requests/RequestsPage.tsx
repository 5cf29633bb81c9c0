import { Card, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useSharingAccess } from '../access';
import { listRequests, type RequestRole, type ShareRequest } from '../api';
import { itemList, RequestStatusTag } from '../labels';

type Filter = RequestRole | 'all';

/** `/work/sharing/requests`: the requests this user may see, as consumer, provider or data authority. */
export function RequestsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('sharing.tab.requests')} · ${t('sharing.title')}`);
  const can = useSharingAccess();
  const [role, setRole] = useState<Filter>('all');
  const list = useApi((signal) => listRequests(role === 'all' ? undefined : role, signal), [role]);
  const roles: Filter[] = ['all', ...(can.request ? (['consumer'] as const) : []), ...(can.decide ? (['provider'] as const) : []), ...(can.compliance ? (['authority'] as const) : [])];
  return (
    <Card
      title={t('sharing.tab.requests')}
      extra={can.request && <ButtonLink type="primary" to="/work/sharing/requests/new" data-testid="sharing-request-new">{t('sharing.requests.new')}</ButtonLink>}
      data-testid="sharing-requests-page"
    >
      <Typography.Paragraph type="secondary">{t('sharing.requests.hint')}</Typography.Paragraph>
      <Space wrap className="work-toolbar" style={{ marginBottom: 12 }}>
        <Segmented<Filter> value={role} onChange={setRole} options={roles.map((r) => ({ value: r, label: t(r === 'all' ? 'sharing.common.all' : `sharing.requests.role.${r}`) }))} data-testid="sharing-requests-role" />
      </Space>
      <AsyncView state={list}>
        {(items) => (
          <Table<ShareRequest>
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            data-testid="sharing-requests"
            columns={[
              { key: 'number', title: t('sharing.requests.number'), render: (_, r) => <Link to={`/work/sharing/requests/${r.id}`} data-testid={`sharing-request-${r.number}`}>{r.number}</Link> },
              { key: 'resource', title: t('sharing.common.resource'), render: (_, r) => r.resource.name },
              { key: 'consumer', title: t('sharing.common.consumer'), render: (_, r) => `${r.consumerName} · ${r.system.name}` },
              { key: 'provider', title: t('sharing.common.provider'), dataIndex: 'providerName' },
              { key: 'items', title: t('sharing.common.items'), render: (_, r) => <span className="sharing-items">{itemList(r.fields)}</span> },
              { key: 'status', title: t('sharing.common.status'), render: (_, r) => <RequestStatusTag status={r.status} /> },
              { key: 'created', title: t('sharing.requests.createdAt'), render: (_, r) => formatDateTime(r.createdAt, lang) },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
