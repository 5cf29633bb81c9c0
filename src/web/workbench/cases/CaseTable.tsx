import { Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import type { CaseItem } from '../../api/cases';
import { StateTag } from '../../cases/StateTag';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

/** 案件列表: number (to the case), class, address, state, reported, rework count. */
export function CaseTable({ items, loading }: { items: CaseItem[]; loading: boolean }) {
  const { lang, t } = useI18n();
  const columns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.caseNo'),
      dataIndex: 'caseNo',
      width: 170,
      render: (_, c) => (
        <Link to={`/work/cases/${c.id}`} data-testid={`case-link-${c.caseNo}`}>
          {c.caseNo}
        </Link>
      ),
    },
    { title: t('cases.class'), dataIndex: 'className', width: 140 },
    { title: t('cases.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
    {
      title: t('cases.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, c) => (
        <>
          <StateTag state={c.status} testId={`case-state-${c.caseNo}`} />
          {c.urgent && <Tag color="red">{t('cases.urgent')}</Tag>}
          {c.hung && <Tag>{t('cases.hung')}</Tag>}
        </>
      ),
    },
    { title: t('cases.reportedAt'), dataIndex: 'reportedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t('cases.reworkCount'), dataIndex: 'reworkCount', width: 90, align: 'right' },
  ];
  return (
    <Table<CaseItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 860 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={(c) => ({ 'data-testid': `case-row-${c.caseNo}` }) as HTMLAttributes<HTMLElement>}
      data-testid="case-table"
    />
  );
}
