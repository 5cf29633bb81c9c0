import { Card, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { fetchKinds, fetchPublicReplies, type PublicQuery, type PublicReply } from './api';
import { LookupCard } from './LookupCard';
import { PortalLettersShell } from './PortalLettersShell';

/** `/letters` (public): published letters and replies, by kind and partial-word search; look a reply up by number. */
export function PublicRepliesPage() {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState<PublicQuery>({});
  const kinds = useApi(fetchKinds, []);
  const replies = useApi((signal) => fetchPublicReplies(query, signal), [JSON.stringify(query)]);
  return (
    <PortalLettersShell title={t('interaction.nav.public')} testId="public-replies-page">
      <div className="letters-filters">
        <Select
          style={{ minWidth: 140 }}
          value={query.kind ?? ''}
          onChange={(kind: string) => setQuery(({ kind: _k, ...rest }) => (kind ? { ...rest, kind } : rest))}
          options={[{ value: '', label: t('interaction.public.allKinds') }, ...(kinds.data ?? []).map((k) => ({ value: k.code, label: k.name[lang] }))]}
          data-testid="public-kind"
        />
        <Input.Search allowClear placeholder={t('interaction.public.search')} onSearch={(q) => setQuery(({ q: _q, ...rest }) => (q.trim() ? { ...rest, q: q.trim() } : rest))} data-testid="public-search" />
      </div>
      <div data-testid="public-replies" data-loading={replies.loading ? 'true' : 'false'}>
        <AsyncView state={replies} isEmpty={(items) => items.length === 0} emptyText={t('interaction.public.empty')}>
          {(items) => items.map((item) => <ReplyItem key={item.ticketNo} item={item} />)}
        </AsyncView>
      </div>
      <LookupCard />
    </PortalLettersShell>
  );
}

function ReplyItem({ item }: { item: PublicReply }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={item.title} extra={<Tag>{item.kindName[lang]}</Tag>} data-testid={`public-reply-${item.ticketNo}`}>
      <Space wrap className="letter-meta">
        <span>{item.ticketNo}</span>
        <span data-testid={`public-writer-${item.ticketNo}`}>{t('interaction.public.writer', { name: item.writer })}</span>
        <span>{item.writtenOn}</span>
      </Space>
      <p className="letter-text" style={{ marginTop: 8 }}>
        {item.content}
      </p>
      <div className="letter-reply" data-testid={`public-reply-text-${item.ticketNo}`}>
        <strong>{item.repliedBy ? t('interaction.public.replyBy', { org: item.repliedBy }) : t('interaction.mine.reply')}</strong>
        {item.repliedOn && <span className="letter-meta"> · {item.repliedOn}</span>}
        <div>{item.reply}</div>
      </div>
    </Card>
  );
}
