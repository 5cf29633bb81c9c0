import { Card, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { fetchCaseClasses, fetchCases, type CaseQuery } from '../../api/cases';
import { CaseMap } from '../../cases/CaseMap';
import { MapLegend } from '../../cases/MapLegend';
import type { CaseMarker } from '../../cases/mapOption';
import { stateLabel } from '../../cases/states';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { CaseFilters, type CaseFilterValues } from './CaseFilters';
import { CaseTable } from './CaseTable';
import '../../cases/cases.css';

const KEYS = ['status', 'classCode', 'streetCode', 'from', 'to'] as const;

/** A Beijing calendar day as the instant it starts (`plusDays` later). */
const dayStart = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000).toISOString();

/** `/work/cases` (cases:read): the centre's cases, filtered, as a table or on the grid map. */
export function CaseListPage() {
  const { t } = useI18n();
  useDocumentTitle(t('cases.list.title'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters: CaseFilterValues = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const tab = params.get('view') === 'map' ? 'map' : 'list';
  const query: CaseQuery = { limit: 500 };
  if (filters.status) query.status = filters.status;
  if (filters.classCode) query.classCode = filters.classCode;
  if (filters.streetCode) query.streetCode = filters.streetCode;
  if (filters.from) query.from = dayStart(filters.from);
  if (filters.to) query.to = dayStart(filters.to, 1);
  const key = JSON.stringify(query);
  const cases = useApi((signal) => fetchCases(query, signal), [key]);
  const classes = useApi(fetchCaseClasses, []);
  const items = useMemo(() => cases.data ?? [], [cases.data]);
  const markers = useMemo<CaseMarker[]>(() => items.map((c) => ({ id: c.id, lng: c.lng, lat: c.lat, state: c.status, title: `${c.caseNo} ${c.className} · ${stateLabel(t, c.status)}` })), [items, t]);

  const update = (next: CaseFilterValues, view = tab) => {
    const p = new URLSearchParams();
    for (const k of KEYS) if (next[k]) p.set(k, next[k]!);
    if (view === 'map') p.set('view', 'map');
    setParams(p, { replace: true });
  };

  return (
    <Card title={t('cases.list.title')} data-testid="case-list-page" data-loading={cases.loading ? 'true' : 'false'} data-count={items.length}>
      <CaseFilters value={filters} onChange={(next) => update(next)} classes={classes.data ?? []} />
      {cases.problem && <ProblemAlert problem={cases.problem} onRetry={cases.reload} />}
      <Typography.Paragraph type="secondary" data-testid="case-count">
        {t('cases.list.count', { count: items.length })}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(view) => update(filters, view)}
        items={[
          { key: 'list', label: <span data-testid="case-tab-list">{t('cases.list.tabList')}</span>, children: <CaseTable items={items} loading={cases.loading} /> },
          {
            key: 'map',
            label: <span data-testid="case-tab-map">{t('cases.list.tabMap')}</span>,
            children: (
              <>
                <CaseMap label={t('cases.list.mapLabel')} markers={markers} onMarkerClick={(m) => navigate(`/work/cases/${m.id}`)} height={520} testId="case-list-map" />
                <MapLegend markers={markers} />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
