import { ApiError, toProblem } from './problem';

/**
 * The grid module's GeoJSON (areas, unit grids) and point lookup. Plain fetch: these answers are
 * GeoJSON documents, and the calls fail soft (the map falls back to the district's extent).
 */

export type Position = [number, number];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type AreaGeometry = PolygonGeometry | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type AreaLevel = 'district' | 'street' | 'community';

export interface AreaFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; level: AreaLevel; kind: string; parentCode: string | null; orgId: string | null; demo: boolean };
  geometry: AreaGeometry | null;
}

export interface UnitGridFeature {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string; communityCode: string; orgId: string | null; demo: boolean };
  geometry: PolygonGeometry;
}

export interface FeatureCollection<F> {
  type: 'FeatureCollection';
  features: F[];
  truncated?: boolean;
}

/** The unit grid (单元网格) a point lies in, with its community and street or town. */
export interface GridHit {
  unitGridCode: string;
  unitGridName: string;
  communityCode: string;
  communityName: string;
  streetCode: string;
  streetName: string;
  streetOrgId: string | null;
  responsibilityGridId: string | null;
}

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json, application/problem+json' }, signal });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(toProblem(body, response.status, response.statusText));
  return body as T;
}

/** GET /api/v1/grid/areas?level=…: streets and towns, or communities and villages, as GeoJSON. */
export const fetchGridAreas = (level: AreaLevel, signal?: AbortSignal) =>
  getJson<FeatureCollection<AreaFeature>>(`/api/v1/grid/areas?level=${level}`, signal);

/** GET /api/v1/grid/unit-grids?bbox=…: the unit grids in view. */
export const fetchUnitGrids = (bbox: BBox, signal?: AbortSignal) =>
  getJson<FeatureCollection<UnitGridFeature>>(`/api/v1/grid/unit-grids?bbox=${bbox.map((n) => n.toFixed(5)).join(',')}`, signal);

/** GET /api/v1/grid/locate?lng=&lat=: the unit grid of a point. */
export const locateGrid = (lng: number, lat: number, signal?: AbortSignal) => getJson<GridHit>(`/api/v1/grid/locate?lng=${lng}&lat=${lat}`, signal);
