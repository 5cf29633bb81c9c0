import { DISTRICT_BBOX } from '../../cases/gridLayers';

/** Centre and zoom that show every marker (zoom 1 is the whole district), with a margin. */
export function fitView(markers: readonly { lng: number; lat: number }[]): { center: [number, number]; zoom: number } | null {
  if (markers.length === 0) return null;
  const lngs = markers.map((m) => m.lng);
  const lats = markers.map((m) => m.lat);
  const [w, s, e, n] = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
  const [dw, ds, de, dn] = DISTRICT_BBOX;
  const fit = Math.min((de - dw) / Math.max(e - w, 0.002), (dn - ds) / Math.max(n - s, 0.002)) * 0.7;
  return { center: [(w + e) / 2, (s + n) / 2], zoom: Math.max(1, Math.min(40, fit)) };
}
