import { useI18n } from '../i18n';
import type { CaseMarker } from './mapOption';
import { CASE_STATES, STATE_COLOURS, stateLabel } from './states';

/** The marker colours of the states on the map, with how many cases are in each. */
export function MapLegend({ markers }: { markers: readonly CaseMarker[] }) {
  const { t } = useI18n();
  const counts = new Map<string, number>();
  for (const m of markers) counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
  const shown = CASE_STATES.filter((s) => counts.has(s));
  if (shown.length === 0) return null;
  return (
    <ul className="case-map-legend" data-testid="map-legend">
      {shown.map((s) => (
        <li key={s}>
          <span className="case-map-dot" style={{ background: STATE_COLOURS[s] }} aria-hidden="true" />
          {stateLabel(t, s)} {counts.get(s)}
        </li>
      ))}
    </ul>
  );
}
