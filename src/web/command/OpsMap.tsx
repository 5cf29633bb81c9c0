import { useMemo } from 'react';
import { CaseMap } from '../cases/CaseMap';
import { MapLegend } from '../cases/MapLegend';
import type { CaseMarker } from '../cases/mapOption';
import { stateLabel } from '../cases/states';
import { useI18n } from '../i18n';
import type { RecentCase } from './stats';
import '../cases/cases.css';

/** Where a case opens from the screen: the workbench, in a new tab (the screen keeps running). */
export const caseHref = (id: string) => `/work/cases/${encodeURIComponent(id)}`;

/** The open cases on the grid map, coloured by state; urgent ones drawn last (on top) and marked in their tooltip. */
export function OpsMap({ cases }: { cases: readonly RecentCase[] }) {
  const { t } = useI18n();
  const markers = useMemo<CaseMarker[]>(() => {
    const ordered = [...cases.filter((c) => !c.urgent), ...cases.filter((c) => c.urgent)];
    return ordered.map((c) => ({
      id: c.id,
      lng: c.lng,
      lat: c.lat,
      state: c.status,
      title: `${c.urgent ? `【${t('command.ops.urgent')}】` : ''}${c.caseNo} ${c.className} · ${stateLabel(t, c.status)}`,
    }));
  }, [cases, t]);
  const urgent = cases.filter((c) => c.urgent).length;
  return (
    <div className="ops-map" data-urgent={urgent}>
      <CaseMap
        label={t('command.ops.mapLabel', { count: markers.length })}
        markers={markers}
        onMarkerClick={(m) => window.open(caseHref(m.id), '_blank', 'noopener')}
        height={480}
        testId="command-map"
      />
      {urgent > 0 && (
        <span className="ops-map-urgent" data-testid="command-map-urgent">
          {t('command.ops.urgentCount', { count: urgent })}
        </span>
      )}
      <MapLegend markers={markers} />
    </div>
  );
}
