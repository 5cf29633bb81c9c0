/**
 * Plane geometry on longitude-latitude (GeoJSON, RFC 7946): bounding boxes and
 * exact point-in-polygon by ray casting, with holes and MultiPolygons. At the
 * size of a district, treating degrees as a plane decides the same as a
 * projection would for every point not within millimetres of an edge.
 */

export type Position = [number, number];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Polygons → rings (outer first, then holes) → flat open rings `[x0, y0, x1, y1, …]` for fast loops. */
export type CompiledShape = Float64Array[][];

/** A point this close to an edge (in degrees, ≈ 0.1 mm) is on it. */
const EDGE_EPSILON = 1e-9;

export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    // the outer ring bounds the polygon; holes lie inside it
    for (const [lng, lat] of polygon[0] ?? []) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return { minLng, minLat, maxLng, maxLat };
}

function compileRing(ring: Position[]): Float64Array {
  // GeoJSON rings repeat the first position at the end; the loops below close the ring themselves
  const closed = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];
  const n = closed ? ring.length - 1 : ring.length;
  const flat = new Float64Array(n * 2);
  for (let i = 0; i < n; i += 1) {
    flat[2 * i] = ring[i]![0];
    flat[2 * i + 1] = ring[i]![1];
  }
  return flat;
}

export function compile(geometry: AreaGeometry): CompiledShape {
  return polygonsOf(geometry).map((polygon) => polygon.map(compileRing));
}

function onSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): boolean {
  // cheap rejection first: most edges are nowhere near the point
  if (x < (ax < bx ? ax : bx) - EDGE_EPSILON || x > (ax > bx ? ax : bx) + EDGE_EPSILON) return false;
  if (y < (ay < by ? ay : by) - EDGE_EPSILON || y > (ay > by ? ay : by) + EDGE_EPSILON) return false;
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(x - ax, y - ay) <= EDGE_EPSILON;
  return Math.abs(dx * (y - ay) - dy * (x - ax)) / length <= EDGE_EPSILON;
}

/** 1 inside, 0 outside, -1 on the boundary. */
export function ringSide(ring: Float64Array, x: number, y: number): -1 | 0 | 1 {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i] as number;
    const yi = ring[i + 1] as number;
    const xj = ring[j] as number;
    const yj = ring[j + 1] as number;
    if (onSegment(x, y, xj, yj, xi, yi)) return -1;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : 0;
}

/** Closed polygons: a point on an edge (outer or hole) is inside. */
export function shapeContains(shape: CompiledShape, x: number, y: number): boolean {
  for (const rings of shape) {
    const outer = rings[0];
    if (!outer) continue;
    const side = ringSide(outer, x, y);
    if (side === -1) return true;
    if (side === 0) continue;
    let inHole = false;
    for (let h = 1; h < rings.length; h += 1) {
      const s = ringSide(rings[h]!, x, y);
      if (s === -1) return true;
      if (s === 1) {
        inHole = true;
        break;
      }
    }
    if (!inHole) return true;
  }
  return false;
}

/** Twice the signed area of a ring (positive when counter-clockwise), in squared degrees. */
export function signedArea2(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return sum;
}
