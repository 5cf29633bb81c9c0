import { Card, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { fetchOrgRequests, type RequestItem } from './api';
import { RequestStatus } from './labels';

/** `/work/disclosure/requests`: requests to the agencies where I answer, newest first. */
export function RequestListPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('disclosure.request.list'));
  const list = useApi(fetchOrgRequests, []);
  const columns: TableColumnsType<RequestItem> = [
    { title: t('disclosure.request.no'), dataIndex: 'requestNo', width: 170, render: (_, r) => <Link to={`/work/disclosure/requests/${r.id}`} data-testid={`request-link-${r.requestNo}`}>{r.requestNo}</Link> },
    { title: t('disclosure.apply.description'), dataIndex: 'description' },
    { title: t('disclosure.request.applicant'), dataIndex: 'applicant', width: 160 },
    { title: t('interaction.status'), dataIndex: 'status', width: 110, render: (_, r) => <RequestStatus status={r.status} /> },
    { title: t('disclosure.request.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
  ];
  return (
    <Card title={t('disclosure.request.list')} data-testid="request-list-page">
      {list.problem && <ProblemAlert problem={list.problem} onRetry={list.reload} />}
      <Table<RequestItem> rowKey="id" size="middle" columns={columns} dataSource={list.data ?? []} loading={list.loading} scroll={{ x: 760 }} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} />
    </Card>
  );
}
