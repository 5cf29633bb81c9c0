import { Button, Card, Input, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { useSharingAccess } from './access';
import { listShareable, type ShareableResource } from './api';
import { itemList, ShareTypeTag } from './labels';

type ShareType = ShareableResource['shareType'] | 'all';

/** Matches a code, a name, a provider or an item name. */
const matches = (r: ShareableResource, q: string) => !q || [r.code, r.name, r.providerName, ...r.items.map((i) => i.name)].some((text) => text.includes(q));

/** `/work/sharing`: what other departments share; a conditional resource is requested from here. */
export function ResourcesPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('sharing.tab.resources')} · ${t('sharing.title')}`);
  const { me } = useAuth();
  const can = useSharingAccess();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [type, setType] = useState<ShareType>('all');
  const list = useApi((signal) => listShareable(signal), []);
  const mayApply = (r: ShareableResource) => can.request && r.shareType === 'conditional' && r.providerOrgId !== me?.orgId;
  return (
    <Card title={t('sharing.title')} data-testid="sharing-resources-page">
      <Typography.Paragraph type="secondary">{t('sharing.resources.hint')}</Typography.Paragraph>
      <Space wrap className="work-toolbar" style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('sharing.resources.search')} onSearch={(v) => setQ(v.trim())} allowClear style={{ width: 280 }} data-testid="sharing-resources-search" />
        <Segmented<ShareType>
          value={type}
          onChange={setType}
          options={(['all', 'conditional', 'unconditional'] as const).map((v) => ({ value: v, label: t(v === 'all' ? 'sharing.common.all' : `sharing.shareType.${v}`) }))}
          data-testid="sharing-resources-type"
        />
      </Space>
      <AsyncView state={list}>
        {(items) => (
          <Table<ShareableResource>
            rowKey="id"
            size="small"
            dataSource={items.filter((r) => (type === 'all' || r.shareType === type) && matches(r, q))}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              { key: 'code', title: t('sharing.resources.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code className="sharing-nowrap">{code}</Typography.Text> },
              { key: 'name', title: t('sharing.resources.name'), dataIndex: 'name' },
              { key: 'provider', title: t('sharing.common.provider'), dataIndex: 'providerName' },
              {
                key: 'share',
                title: t('sharing.resources.shareType'),
                render: (_, r) => (r.shareCondition ? <Tooltip title={r.shareCondition}><span><ShareTypeTag type={r.shareType} /></span></Tooltip> : <ShareTypeTag type={r.shareType} />),
              },
              { key: 'items', title: t('sharing.common.items'), render: (_, r) => <span className="sharing-items">{itemList(r.items.map((i) => i.name))}</span> },
              { key: 'source', title: t('sharing.resources.source'), render: (_, r) => t(r.source ? `sharing.source.${r.source}` : 'sharing.source.none') },
              {
                key: 'act',
                title: '',
                render: (_, r) =>
                  mayApply(r) ? (
                    <Button size="small" type="primary" ghost onClick={() => navigate(`/work/sharing/requests/new?resource=${encodeURIComponent(r.id)}`)} data-testid={`sharing-apply-${r.code}`}>
                      {t('sharing.resources.apply')}
                    </Button>
                  ) : r.providerOrgId === me?.orgId ? (
                    <Typography.Text type="secondary">{t('sharing.resources.own')}</Typography.Text>
                  ) : null,
              },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
