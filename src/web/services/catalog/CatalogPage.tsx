import { Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchManagedItems, type ManageItem } from '../../api/services';
import { ButtonLink } from '../../components/ButtonLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { handlingLabel, statusLabel, tierLabel } from '../labels';
import { useDebounced } from '../useDebounced';
import '../services.css';

const statusColor = { draft: 'default', published: 'green', withdrawn: 'orange' } as const;

/** `/work/services/catalog`: the items of the departments I maintain, with where each stands. */
export function CatalogPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('services.catalog.title'));
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const items = useApi((signal) => fetchManagedItems(q ? { q } : {}, signal), [q]);
  return (
    <Card
      title={t('services.catalog.title')}
      extra={<ButtonLink to="/work/services/catalog/new" type="primary" data-testid="catalog-new">{t('services.catalog.new')}</ButtonLink>}
      data-testid="catalog-page"
      data-loading={items.loading ? 'true' : 'false'}
    >
      <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} placeholder={t('services.catalog.search')} style={{ maxWidth: 360, marginBottom: 12 }} data-testid="catalog-search" />
      {items.problem && <ProblemAlert problem={items.problem} onRetry={items.reload} />}
      <Typography.Paragraph type="secondary">{t('services.catalog.count', { count: items.data?.length ?? 0 })}</Typography.Paragraph>
      <Table<ManageItem>
        size="small"
        rowKey="id"
        loading={items.loading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('services.catalog.empty') }}
        columns={[
          { title: t('services.guide.code'), dataIndex: 'code', width: 130 },
          {
            title: t('services.catalog.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Space size={4} wrap>
                <Link to={`/work/services/catalog/${row.id}`} data-testid={`catalog-item-${row.code}`}>{name}</Link>
                {row.tier !== 'main' && <Tag>{row.handlingKind ? handlingLabel(t, row.handlingKind) : tierLabel(t, row.tier)}</Tag>}
              </Space>
            ),
          },
          {
            title: t('services.catalog.status'),
            key: 'status',
            width: 170,
            render: (_: unknown, row) => (
              <Space size={4} wrap data-testid={`catalog-status-${row.code}`}>
                <Tag color={statusColor[row.status]}>{statusLabel(t, row.status)}</Tag>
                {row.dirty && row.version > 0 && <Tag color="gold">{t('services.catalog.dirty')}</Tag>}
              </Space>
            ),
          },
          { title: t('services.catalog.version'), dataIndex: 'version', width: 70 },
          { title: t('services.catalog.updated'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
        ]}
      />
    </Card>
  );
}
