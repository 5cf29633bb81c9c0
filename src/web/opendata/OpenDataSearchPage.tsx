import { Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { searchDatasets, type Facet } from './api';
import { FacetPanel } from './FacetPanel';
import { OpenDataShell } from './OpenDataShell';

const PAGE = 10;

/** `/opendata`: search the open datasets with facets (CKAN package_search underneath). */
export function OpenDataSearchPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Partial<Record<Facet, string[]>>>({});
  const [sort, setSort] = useState('score desc, metadata_modified desc');
  const [page, setPage] = useState(1);
  const key = JSON.stringify([q, filters, sort, page]);
  const found = useApi((signal) => searchDatasets({ q, filters, sort, rows: PAGE, start: (page - 1) * PAGE }, signal), [key]);
  return (
    <OpenDataShell title={t('opendata.title')} testId="opendata-search-page">
      <Space.Compact className="opendata-search">
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => { setQ(v.trim()); setPage(1); }}
          placeholder={t('opendata.search.placeholder')}
          enterButton={t('opendata.search.button')}
          allowClear
          data-testid="opendata-search-input"
        />
      </Space.Compact>
      <div className="opendata-layout">
        <aside>{found.data && <FacetPanel facets={found.data.search_facets} selected={filters} onChange={(f) => { setFilters(f); setPage(1); }} />}</aside>
        <section>
          <div className="opendata-toolbar">
            <span data-testid="opendata-count">{t('opendata.search.count', { count: found.data?.count ?? 0 })}</span>
            <Select
              value={sort}
              onChange={(v) => { setSort(v); setPage(1); }}
              aria-label={t('opendata.search.sort')}
              style={{ minWidth: 140 }}
              options={[
                { value: 'score desc, metadata_modified desc', label: t('opendata.sort.relevance') },
                { value: 'metadata_modified desc', label: t('opendata.sort.modified') },
                { value: 'name asc', label: t('opendata.sort.name') },
                { value: 'views_recent desc', label: t('opendata.sort.views') },
              ]}
            />
          </div>
          <AsyncView state={found} isEmpty={(d) => d.count === 0} emptyText={t('opendata.search.empty')}>
            {(d) => (
              <>
                <List
                  dataSource={d.results}
                  data-testid="opendata-results"
                  renderItem={(p) => (
                    <List.Item key={p.id} data-testid="opendata-result">
                      <List.Item.Meta
                        title={<Link to={`/opendata/dataset/${p.name}`} data-testid={`dataset-link-${p.name}`}>{p.title}</Link>}
                        description={
                          <>
                            <Typography.Paragraph ellipsis={{ rows: 2 }} className="opendata-notes">{p.notes}</Typography.Paragraph>
                            <Space wrap size={4}>
                              {p.organization && <Tag color="blue">{p.organization.title}</Tag>}
                              {[...new Set(p.resources.map((r) => r.format))].map((f) => <Tag key={f}>{f}</Tag>)}
                              {p.tags.map((tag) => <Tag key={tag.name} bordered={false}>{tag.name}</Tag>)}
                            </Space>
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
                <Pagination current={page} pageSize={PAGE} total={d.count} onChange={setPage} showSizeChanger={false} hideOnSinglePage />
              </>
            )}
          </AsyncView>
          <Typography.Paragraph type="secondary" className="opendata-api-hint">{t('opendata.api.hint')}</Typography.Paragraph>
        </section>
      </div>
    </OpenDataShell>
  );
}
