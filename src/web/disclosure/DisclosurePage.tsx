import { Button, Empty, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { fetchPublicArticles, fetchVocabulary, type ArticleQuery, type PublicArticle } from './api';
import { DisclosureShell } from './DisclosureShell';

const PAGE = 20;

/** `/disclosure` (public): published information by category, with partial-word search and more on demand. */
export function DisclosurePage() {
  const { t, lang } = useI18n();
  const vocab = useApi(fetchVocabulary, []);
  const [category, setCategory] = useState('');
  const [q, setQ] = useState('');
  const [pages, setPages] = useState(1);
  useEffect(() => setPages(1), [category, q]);
  const query: ArticleQuery = { limit: PAGE * pages, ...(category ? { category } : {}), ...(q ? { q } : {}) };
  const list = useApi((signal) => fetchPublicArticles(query, signal), [JSON.stringify(query)]);
  const items = list.data ?? [];
  return (
    <DisclosureShell title={t('disclosure.list.title')} testId="disclosure-page">
      <Input.Search className="disclosure-search" allowClear placeholder={t('disclosure.list.search')} onSearch={(v) => setQ(v.trim())} data-testid="disclosure-search" />
      {/* the categories wrap on a phone rather than scroll out of sight */}
      <div className="disclosure-categories" data-testid="disclosure-categories" data-current={category}>
        {[{ code: '', name: t('disclosure.list.all') }, ...(vocab.data?.categories ?? []).map((c) => ({ code: c.code, name: c[lang] }))].map((c) => (
          <Tag.CheckableTag key={c.code || 'all'} checked={category === c.code} onChange={() => setCategory(c.code)} data-testid={`disclosure-cat-${c.code || 'all'}`}>
            {c.name}
          </Tag.CheckableTag>
        ))}
      </div>
      {list.problem && <ProblemAlert problem={list.problem} onRetry={list.reload} />}
      <div data-testid="disclosure-list" data-loading={list.loading ? 'true' : 'false'} data-count={items.length}>
        {!list.loading && items.length === 0 && <Empty description={t('disclosure.list.empty')} />}
        {items.map((a) => (
          <ArticleLine key={a.id} article={a} lang={lang} />
        ))}
      </div>
      {items.length === PAGE * pages && (
        <Button block style={{ marginTop: 12 }} onClick={() => setPages((n) => n + 1)} loading={list.loading} data-testid="disclosure-more">
          {t('disclosure.list.more')}
        </Button>
      )}
    </DisclosureShell>
  );
}

function ArticleLine({ article: a, lang }: { article: PublicArticle; lang: 'zh' | 'en' }) {
  return (
    <div className="disclosure-item" data-testid={`disclosure-item-${a.id}`}>
      <Link to={`/disclosure/articles/${a.id}`} className="disclosure-item-title" data-testid={`disclosure-link-${a.id}`}>
        {a.title}
      </Link>
      <div className="disclosure-meta">
        {a.category.name[lang]} · {a.org} · {formatDateTime(a.publishedAt, lang).slice(0, 10)}
        {a.docNo ? ` · ${a.docNo}` : ''}
      </div>
    </div>
  );
}
