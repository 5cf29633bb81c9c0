import { Table, Typography } from 'antd';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { fetchPreview } from './api';

const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The first rows of one resource (a file or a live table). */
export function PreviewTable({ resourceId }: { resourceId: string }) {
  const { t } = useI18n();
  const preview = useApi((signal) => fetchPreview(resourceId, signal), [resourceId]);
  return (
    <AsyncView state={preview}>
      {(p) => (
        <div data-testid="opendata-preview">
          <Typography.Text type="secondary">
            {t('opendata.preview.title', { n: p.rows.length })}
            {p.total !== null && ` · ${t('opendata.preview.total', { total: p.total })}`}
          </Typography.Text>
          <Table
            size="small"
            scroll={{ x: true }}
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={p.rows}
            columns={p.fields.map((f) => ({ key: f.id, title: f.label, dataIndex: f.id, render: cell }))}
          />
        </div>
      )}
    </AsyncView>
  );
}
