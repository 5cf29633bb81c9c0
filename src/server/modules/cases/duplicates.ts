import type { CasesDb } from './store';

/** 重复上报: how near and how recent a report must be to an open case of its class to be flagged. */
export const duplicateRadiusMetres = 50;
export const duplicateWindowHours = 24;
const openStatuses = ['reported', 'verifying', 'to_file', 'to_dispatch', 'handling', 'returned', 'hang_pending', 'hung', 'checking', 'to_close'];

/** Great-circle distance in metres (haversine; exact enough at city scale). */
export function metresBetween(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/** Open cases of the same class within the radius and window, nearest first. */
export async function nearbyOpenCases(db: CasesDb, at: { classCode: string; lng: number; lat: number; excludeId?: string }) {
  const dLat = duplicateRadiusMetres / 111_320;
  const dLng = dLat / Math.cos((at.lat * Math.PI) / 180);
  let query = db
    .selectFrom('city_case')
    .select(['id', 'case_no', 'lng', 'lat', 'reported_at'])
    .where('class_code', '=', at.classCode)
    .where('reported_at', '>', new Date(Date.now() - duplicateWindowHours * 3_600_000))
    .where('status', 'in', openStatuses)
    .where('lat', '>=', at.lat - dLat)
    .where('lat', '<=', at.lat + dLat)
    .where('lng', '>=', at.lng - dLng)
    .where('lng', '<=', at.lng + dLng);
  if (at.excludeId) query = query.where('id', '<>', at.excludeId);
  const rows = await query.limit(50).execute();
  return rows
    .map((r) => ({ ...r, metres: metresBetween(at.lng, at.lat, r.lng, r.lat) }))
    .filter((r) => r.metres <= duplicateRadiusMetres)
    .sort((a, b) => a.metres - b.metres);
}
