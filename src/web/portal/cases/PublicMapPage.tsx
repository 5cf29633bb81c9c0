import { Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fetchPublicCases } from '../../api/cases';
import { CaseMap } from '../../cases/CaseMap';
import { MapLegend } from '../../cases/MapLegend';
import type { CaseMarker } from '../../cases/mapOption';
import { stateLabel } from '../../cases/states';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { PortalCasesShell } from './PortalCasesShell';
import { PublicCaseList } from './PublicCaseList';

const PERIODS = [7, 30, 90] as const;

/** `/cases/map` (public): recent cases on the grid map — class, state and day only, places rounded to about 100 m. */
export function PublicMapPage() {
  const { t } = useI18n();
  const [days, setDays] = useState<number>(30);
  const cases = useApi((signal) => fetchPublicCases(days, signal), [days]);
  const markers = useMemo<CaseMarker[]>(
    () => (cases.data ?? []).map((c) => ({ id: c.caseNo, lng: c.lng, lat: c.lat, state: c.status, title: `${c.className} · ${stateLabel(t, c.status)} · ${c.reportedOn}` })),
    [cases.data, t],
  );
  return (
    <PortalCasesShell title={t('cases.portal.mapTitle')} testId="public-map-page">
      <Typography.Paragraph type="secondary">{t('cases.portal.mapHint')}</Typography.Paragraph>
      <Segmented
        value={days}
        onChange={(v) => setDays(Number(v))}
        options={PERIODS.map((d) => ({ value: d, label: <span data-testid={`public-map-days-${d}`}>{t('cases.portal.days', { days: d })}</span> }))}
        className="portal-cases-nav"
      />
      {cases.problem && <ProblemAlert problem={cases.problem} onRetry={cases.reload} />}
      <div data-testid="public-map" data-loading={cases.loading ? 'true' : 'false'} data-count={markers.length}>
        <CaseMap label={t('cases.portal.mapTitle')} markers={markers} height={460} testId="public-case-map" />
        <MapLegend markers={markers} />
        <PublicCaseList items={cases.data ?? []} />
      </div>
    </PortalCasesShell>
  );
}
