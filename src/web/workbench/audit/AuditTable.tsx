import { Table, Tag } from 'antd';
import type { AuditRecord } from '../../api/admin';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

const RESULT_COLOR: Record<string, string> = { success: 'green', failure: 'orange', denied: 'red' };

export function AuditTable({ records }: { records: AuditRecord[] }) {
  const { lang, t } = useI18n();
  const resultLabel = (result: string) =>
    result === 'success' || result === 'failure' || result === 'denied' ? t(`audit.result.${result}`) : result;
  return (
    <Table<AuditRecord>
      rowKey="seq"
      size="small"
      scroll={{ x: 900 }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={records}
      data-testid="audit-table"
      columns={[
        { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
        { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v, lang) },
        { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
        { title: t('audit.action'), dataIndex: 'action' },
        {
          title: t('audit.result'),
          dataIndex: 'result',
          render: (v: string) => <Tag color={RESULT_COLOR[v]}>{resultLabel(v)}</Tag>,
        },
        {
          title: t('audit.object'),
          key: 'object',
          render: (_: unknown, row) => (row.objectType ? `${row.objectType}${row.objectId ? `:${row.objectId.slice(0, 8)}` : ''}` : '—'),
        },
        { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
