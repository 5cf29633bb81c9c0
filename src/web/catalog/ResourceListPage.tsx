import { Button, Card, Checkbox, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { fetchVocabulary, listResources, type Resource, type ResourceQuery } from './api';
import { StatusTag } from './StatusTag';

/** `/work/catalog`: the catalogue as this civil servant sees it — their department's working copies, everyone's published entries. */
export function ResourceListPage() {
  const { t } = useI18n();
  useDocumentTitle(t('catalog.list.title'));
  const canMaintain = useCan('catalog:maintain');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ResourceQuery['kind']>();
  const [mine, setMine] = useState(false);
  const vocab = useApi((signal) => fetchVocabulary(signal), []);
  const list = useApi((signal) => listResources({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), ...(mine ? { mine } : {}) }, signal), [q, kind, mine]);
  const v = vocab.data ?? {};
  return (
    <Card
      title={t('catalog.list.title')}
      extra={canMaintain && <Button type="primary" onClick={() => navigate('/work/catalog/new')} data-testid="catalog-new">{t('catalog.list.new')}</Button>}
      data-testid="catalog-list-page"
    >
      <Space wrap className="work-toolbar" style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('catalog.list.search')} onSearch={(s) => setQ(s.trim())} allowClear style={{ width: 280 }} data-testid="catalog-search" />
        <Select
          value={kind ?? ''}
          onChange={(k) => setKind((k || undefined) as ResourceQuery['kind'])}
          style={{ width: 160 }}
          aria-label={t('catalog.list.kind')}
          options={[{ value: '', label: t('catalog.list.all') }, ...Object.entries(v.catalogKinds ?? {}).map(([value, label]) => ({ value, label }))]}
        />
        {canMaintain && <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>{t('catalog.list.mine')}</Checkbox>}
      </Space>
      <AsyncView state={list}>
        {(d) => (
          <Table<Resource>
            rowKey="id"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            columns={[
              { key: 'code', title: t('catalog.col.code'), dataIndex: 'code', render: (code: string, r) => <Link to={`/work/catalog/${r.id}`}>{code}</Link> },
              { key: 'name', title: t('catalog.col.name'), dataIndex: 'name', render: (name: string, r) => <Link to={`/work/catalog/${r.id}`} data-testid={`resource-${r.code}`}>{name}</Link> },
              { key: 'provider', title: t('catalog.col.provider'), render: (_, r) => r.provider.name },
              { key: 'share', title: t('catalog.col.share'), render: (_, r) => v.shareTypes?.[r.shareType] ?? r.shareType },
              { key: 'open', title: t('catalog.col.open'), render: (_, r) => v.openTypes?.[r.openType] ?? r.openType },
              { key: 'level', title: t('catalog.col.level'), render: (_, r) => v.classifications?.[r.classification] ?? r.classification },
              { key: 'status', title: t('catalog.col.status'), render: (_, r) => <StatusTag status={r.status} /> },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
