import { Button, Card, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useSharingAccess } from '../access';
import { listExchanges, type Exchange } from '../api';
import { itemList } from '../labels';
import { ProofDrawer } from './ProofDrawer';

type Role = 'provider' | 'consumer';
const PAGE_SIZE = 20;

/** `/work/sharing/exchanges`: the signed exchange log — use of our data (provider) or calls by our systems (consumer). */
export function ExchangesPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('sharing.tab.exchanges')} · ${t('sharing.title')}`);
  const can = useSharingAccess();
  const roles: Role[] = [...(can.usage ? (['provider'] as const) : []), ...(can.request ? (['consumer'] as const) : [])];
  const [role, setRole] = useState<Role>(can.usage ? 'provider' : 'consumer');
  const [page, setPage] = useState(1);
  const [proofOf, setProofOf] = useState<string | null>(null);
  const log = useApi((signal) => listExchanges({ role, page, pageSize: PAGE_SIZE }, signal), [role, page]);
  return (
    <Card title={t('sharing.tab.exchanges')} data-testid="sharing-exchanges-page">
      <Typography.Paragraph type="secondary">{t('sharing.exchanges.hint')}</Typography.Paragraph>
      {roles.length > 1 && (
        <Space wrap className="work-toolbar" style={{ marginBottom: 12 }}>
          <Segmented<Role>
            value={role}
            onChange={(r) => { setRole(r); setPage(1); }}
            options={roles.map((r) => ({ value: r, label: t(`sharing.exchanges.role.${r}`) }))}
            data-testid="sharing-exchanges-role"
          />
        </Space>
      )}
      <AsyncView state={log}>
        {(d) => (
          <Table<Exchange>
            rowKey="id"
            size="small"
            dataSource={d.items}
            loading={log.loading}
            scroll={{ x: true }}
            data-testid="sharing-exchanges"
            pagination={{ current: page, pageSize: PAGE_SIZE, total: d.total, onChange: setPage, hideOnSinglePage: true, showTotal: (total) => t('sharing.exchanges.total', { total }) }}
            columns={[
              { key: 'at', title: t('sharing.exchanges.at'), render: (_, e) => formatDateTime(e.at, lang) },
              { key: 'system', title: t('sharing.common.system'), render: (_, e) => e.system.name },
              { key: 'consumer', title: t('sharing.common.consumer'), dataIndex: 'consumerName' },
              { key: 'resource', title: t('sharing.common.resource'), render: (_, e) => e.resource.name },
              { key: 'items', title: t('sharing.common.items'), render: (_, e) => <span className="sharing-items">{itemList(e.fields)}</span> },
              { key: 'query', title: t('sharing.exchanges.query'), render: (_, e) => itemList(e.queryItems) || '—' },
              { key: 'rows', title: t('sharing.exchanges.rows'), dataIndex: 'rows', align: 'right' },
              { key: 'digest', title: t('sharing.exchanges.digest'), render: (_, e) => <Tooltip title={e.digest}><span className="sharing-hash">{e.digest.slice(0, 12)}…</span></Tooltip> },
              { key: 'proof', title: '', render: (_, e) => <Button size="small" onClick={() => setProofOf(e.id)} data-testid={`proof-open-${e.id}`}>{t('sharing.exchanges.proof')}</Button> },
            ]}
          />
        )}
      </AsyncView>
      <ProofDrawer exchangeId={proofOf} onClose={() => setProofOf(null)} />
    </Card>
  );
}
