import { Input, Pagination, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchFacets, searchItems, type FacetQuery } from '../api/services';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { ResultList } from './ResultList';
import { SearchFilters, filterKeys, type FilterValues } from './SearchFilters';
import { ServicesShell } from './ServicesShell';
import { useDebounced } from './useDebounced';

const PAGE_SIZE = 20;

/** `/services`: search the catalogue as one types (any part of a Chinese word), filter, open a guide. */
export function ServiceSearchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim());
  const filters: FilterValues = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1) || 1;

  const update = (next: FilterValues, nextQ = q, nextPage = 1) => {
    const p = new URLSearchParams();
    if (nextQ) p.set('q', nextQ);
    for (const k of filterKeys) if (next[k]) p.set(k, next[k]!);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p, { replace: true });
  };
  // typing updates the address (and so the results) once the text settles
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update(filters, q);
  }, [q]); // only a newly settled text moves the address; filters are read from this render

  const query: FacetQuery = { ...(q ? { q } : {}), ...filters, online: filters.online === 'true' ? true : undefined } as FacetQuery;
  const key = JSON.stringify(query);
  const results = useApi((signal) => searchItems({ ...query, page, pageSize: PAGE_SIZE }, signal), [key, page]);
  const facets = useApi((signal) => fetchFacets(query, signal), [key]);

  return (
    <ServicesShell title={t('services.portal.title')} testId="services-search-page">
      <Input.Search
        size="large"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => update(filters, value.trim())}
        placeholder={t('services.search.placeholder')}
        enterButton={t('services.search.button')}
        maxLength={60}
        data-testid="services-search"
        className="services-search"
      />
      <SearchFilters value={filters} facets={facets.data} onChange={(next) => update(next)} />
      {results.problem && <ProblemAlert problem={results.problem} onRetry={results.reload} />}
      <Typography.Paragraph type="secondary" data-testid="services-count" data-loading={results.loading ? 'true' : 'false'}>
        {results.data ? t('services.search.count', { count: results.data.total }) : t('common.loading')}
      </Typography.Paragraph>
      <ResultList hits={results.data?.items ?? []} query={q} loading={results.loading} />
      {results.data && results.data.total > PAGE_SIZE && (
        <Pagination simple current={page} pageSize={PAGE_SIZE} total={results.data.total} onChange={(n) => update(filters, q, n)} className="services-pages" />
      )}
    </ServicesShell>
  );
}
