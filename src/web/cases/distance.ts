/** Great-circle distance in metres (haversine; exact enough at city scale). */
export function metresBetween(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/** 重复上报 as the server judges it: same class, within 50 m, within 24 hours. */
export const DUPLICATE_METRES = 50;
export const DUPLICATE_HOURS = 24;
