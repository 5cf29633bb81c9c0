import { Card, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { fetchKinds, fetchTickets, type TicketItem, type TicketQuery } from './api';
import { TICKET_STATES, TicketState, ticketStateLabel } from './states';

const KEYS = ['status', 'kind', 'q'] as const;

/** `/work/interaction` (centre, leaders): tickets, newest first, by state, kind and words. */
export function TicketListPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('interaction.list.title'));
  const [params, setParams] = useSearchParams();
  const query: TicketQuery = { limit: 500 };
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const tickets = useApi((signal) => fetchTickets(query, signal), [JSON.stringify(query)]);
  const kinds = useApi(fetchKinds, []);
  const set = (key: (typeof KEYS)[number], value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = tickets.data ?? [];
  const columns: TableColumnsType<TicketItem> = [
    {
      title: t('interaction.ticketNo'),
      dataIndex: 'ticketNo',
      width: 170,
      render: (_, r) => (
        <Link to={`/work/interaction/${r.id}`} data-testid={`ticket-link-${r.ticketNo}`}>
          {r.ticketNo}
        </Link>
      ),
    },
    { title: t('interaction.kind'), dataIndex: 'kind', width: 110, render: (_, r) => r.kindName[lang] },
    { title: t('interaction.title'), dataIndex: 'title', render: (_, r) => (<>{r.title} {r.channel === 'hotline' && <Tag>{t('interaction.channel.hotline')}</Tag>}</>) },
    { title: t('interaction.status'), dataIndex: 'status', width: 120, render: (_, r) => <TicketState state={r.status} testId={`ticket-state-${r.ticketNo}`} /> },
    { title: t('interaction.department'), dataIndex: 'department', width: 150, render: (v: string | null) => v ?? '—' },
    { title: t('interaction.writtenAt'), dataIndex: 'writtenAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t('interaction.dueAt'), dataIndex: 'dueAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v, lang) : '—') },
  ];
  return (
    <Card title={t('interaction.list.title')} data-testid="ticket-list-page" data-loading={tickets.loading ? 'true' : 'false'}>
      <div className="letters-filters" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select style={{ minWidth: 130 }} value={params.get('status') ?? ''} onChange={(v: string) => set('status', v)} options={[{ value: '', label: t('interaction.list.allStates') }, ...TICKET_STATES.map((s) => ({ value: s, label: ticketStateLabel(t, s) }))]} data-testid="ticket-filter-status" />
        <Select style={{ minWidth: 130 }} value={params.get('kind') ?? ''} onChange={(v: string) => set('kind', v)} options={[{ value: '', label: t('interaction.public.allKinds') }, ...(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name[lang] }))]} data-testid="ticket-filter-kind" />
        <Input.Search style={{ maxWidth: 280 }} allowClear defaultValue={params.get('q') ?? ''} placeholder={t('interaction.list.search')} onSearch={(v) => set('q', v.trim() || undefined)} data-testid="ticket-filter-q" />
      </div>
      {tickets.problem && <ProblemAlert problem={tickets.problem} onRetry={tickets.reload} />}
      <Typography.Paragraph type="secondary">{t('interaction.list.count', { count: items.length })}</Typography.Paragraph>
      <Table<TicketItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={tickets.loading}
        scroll={{ x: 960 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `ticket-row-${r.ticketNo}` }) as HTMLAttributes<HTMLElement>}
        data-testid="ticket-table"
      />
    </Card>
  );
}
