import { Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { CertificatesShell } from '../certificates/CertificatesShell';
import { fetchRatingSummary, type RatingSummary } from './api';

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** `/services/ratings` (public): 好差评 per department and per item. */
export function RatingsPage() {
  const { t } = useI18n();
  const [by, setBy] = useState<'department' | 'item'>('department');
  const summary = useApi((signal) => fetchRatingSummary(by, undefined, signal), [by]);
  const levels = [5, 4, 3, 2, 1] as const;
  return (
    <CertificatesShell title={t('ratings.title')} testId="ratings-page">
      <Typography.Paragraph type="secondary">{t('ratings.public.intro')}</Typography.Paragraph>
      <Segmented
        value={by}
        onChange={(v) => setBy(v as 'department' | 'item')}
        options={[
          { value: 'department', label: <span data-testid="ratings-by-department">{t('ratings.by.department')}</span> },
          { value: 'item', label: <span data-testid="ratings-by-item">{t('ratings.by.item')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      <div className="rating-table" data-testid="ratings-table" data-loading={summary.loading ? 'true' : 'false'}>
        <AsyncView state={summary} isEmpty={(items) => items.length === 0} emptyText={t('ratings.none')}>
          {(items) => (
            <Table<RatingSummary>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={items}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('ratings.col.name'), dataIndex: 'name', render: (name: string, row) => (by === 'item' ? <Link to={`/services/${row.key}`}>{name}</Link> : name) },
                { title: t('ratings.col.total'), dataIndex: 'total', align: 'right' },
                ...levels.map((level) => ({ title: t(`ratings.level.${level}`), key: `l${level}`, align: 'right' as const, render: (_: unknown, row: RatingSummary) => row.levels[level - 1] })),
                { title: t('ratings.col.bad'), dataIndex: 'bad', align: 'right' },
                { title: t('ratings.col.satisfaction'), key: 'rate', align: 'right', render: (_: unknown, row: RatingSummary) => <span data-testid={`ratings-rate-${row.key}`}>{percent(row.satisfaction)}</span> },
              ]}
            />
          )}
        </AsyncView>
      </div>
    </CertificatesShell>
  );
}
