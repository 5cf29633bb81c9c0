import { Card, Segmented, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { fetchStaffApplications, type ApplicationSummary } from '../../services/applications/api';
import { StatusTag } from '../../services/applications/StatusTag';
import { statusLabel } from '../../services/applications/labels';
import { CounterForm } from './CounterForm';
import '../../services/applications/apply.css';

const FILTERS = ['submitted', 'correcting', 'reviewing', 'approved', 'all'] as const;

/** `/work/applications`: 综合窗口 — the applications of one's scope by status, and 窗口代录 for clerks. */
export function WindowPage() {
  const { t } = useI18n();
  const canCounter = useCan('services:application.counter');
  const list = <ApplicationList />;
  return (
    <div className="work-stack" data-testid="window-page">
      {canCounter ? (
        <Tabs
          items={[
            { key: 'list', label: <span data-testid="window-tab-list">{t('apply.work.list')}</span>, children: list },
            { key: 'counter', label: <span data-testid="window-tab-counter">{t('apply.work.counter')}</span>, children: <CounterForm /> },
          ]}
        />
      ) : (
        list
      )}
    </div>
  );
}

function ApplicationList() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('submitted');
  const items = useApi((signal) => fetchStaffApplications(filter === 'all' ? undefined : filter, signal), [filter]);
  return (
    <Card>
      <Segmented block value={filter} onChange={(v) => setFilter(v as (typeof FILTERS)[number])} options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('apply.work.all') : statusLabel(t, f) }))} style={{ marginBottom: 12 }} />
      <AsyncView state={items} isEmpty={(rows) => rows.length === 0} emptyText={t('apply.work.empty')}>
        {(rows) => (
          <Table<ApplicationSummary>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={rows}
            data-testid="window-list"
            columns={[
              { title: t('apply.field.businessNo'), dataIndex: 'businessNo', render: (no: string, r) => <Link to={`/work/applications/${r.id}`} data-testid={`window-row-${no}`}>{no}</Link> },
              { title: t('apply.field.item'), dataIndex: 'itemName' },
              { title: t('apply.field.applicant'), dataIndex: 'applicantName' },
              { title: t('apply.field.status'), dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
              { title: t('apply.field.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDateTime(v, lang) : '') },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
